package dev.deliverytracker.adapter.web.api.admin;

import dev.deliverytracker.adapter.web.api.ApiKeyFilter;
import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.ManageOrganizationOperators.Credentials;
import dev.deliverytracker.application.port.in.ManageOrganizationOperators.Member;
import dev.deliverytracker.application.port.in.ManageOrganizationOperators;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An organization's dashboard operators: invite, disable, enable, reset a password, list. */
@RestController
class OperatorApiController {

    private final ManageOrganizationOperators operators;

    OperatorApiController(ManageOrganizationOperators operators) {
        this.operators = operators;
    }

    public record InviteBody(String username, String role) {
    }

    public record MemberResponse(String username, String role, boolean disabled) {
        static MemberResponse of(Member member) {
            return new MemberResponse(member.username(), member.role().wireName(), member.disabled());
        }
    }

    /** The password is in this answer only; hand it to the operator, who signs in at /login. */
    public record CredentialsResponse(String username, String password) {
        static CredentialsResponse of(Credentials credentials) {
            return new CredentialsResponse(credentials.username(), credentials.password());
        }
    }

    @GetMapping("/api/v1/organizations/{id}/operators")
    public List<MemberResponse> list(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller, @PathVariable String id) {
        return AdminProblem.valueOf(operators.list(Actor.key(caller), OrganizationApiController.idOf(id))).stream()
                .map(MemberResponse::of).toList();
    }

    @PostMapping("/api/v1/organizations/{id}/operators")
    public ResponseEntity<CredentialsResponse> invite(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable String id, @RequestBody(required = false) InviteBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(CredentialsResponse.of(AdminProblem.valueOf(
                operators.invite(Actor.key(caller), OrganizationApiController.idOf(id),
                        body == null ? null : body.username(), body == null ? null : body.role()))));
    }

    public record RoleBody(String role) {
    }

    /** The operator's role in this organization only: {@code viewer}, {@code operator} or {@code admin}. */
    @PutMapping("/api/v1/organizations/{id}/operators/{username}/role")
    public MemberResponse changeRole(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller, @PathVariable String id,
            @PathVariable String username, @RequestBody(required = false) RoleBody body) {
        return MemberResponse.of(AdminProblem.valueOf(operators.changeRole(Actor.key(caller),
                OrganizationApiController.idOf(id), username, body == null ? null : body.role())));
    }

    @PostMapping("/api/v1/organizations/{id}/operators/{username}/disable")
    public MemberResponse disable(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller, @PathVariable String id,
            @PathVariable String username) {
        return MemberResponse.of(AdminProblem.valueOf(operators.disable(Actor.key(caller),
                OrganizationApiController.idOf(id), username)));
    }

    @PostMapping("/api/v1/organizations/{id}/operators/{username}/enable")
    public MemberResponse enable(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller, @PathVariable String id,
            @PathVariable String username) {
        return MemberResponse.of(AdminProblem.valueOf(operators.enable(Actor.key(caller),
                OrganizationApiController.idOf(id), username)));
    }

    @PostMapping("/api/v1/organizations/{id}/operators/{username}/password-reset")
    public CredentialsResponse resetPassword(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable String id, @PathVariable String username) {
        return CredentialsResponse.of(AdminProblem.valueOf(operators.resetPassword(Actor.key(caller),
                OrganizationApiController.idOf(id), username)));
    }
}
