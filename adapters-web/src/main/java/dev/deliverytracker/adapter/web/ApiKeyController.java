package dev.deliverytracker.adapter.web;

import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.domain.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A key of an organization creates and revokes that organization's keys (rotation without downtime). */
@RestController
@RequestMapping("/api/v1/api-keys")
public class ApiKeyController {

    private final ManageApiKeys apiKeys;

    public ApiKeyController(ManageApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    public record CreateApiKeyRequest(String name) {
    }

    /** The key's secret is in this answer only; it is stored as a hash. */
    public record CreatedApiKey(long id, String name, String key, String prefix) {
    }

    @PostMapping
    public ResponseEntity<CreatedApiKey> create(@RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestBody(required = false) CreateApiKeyRequest request) {
        ManageApiKeys.IssuedApiKey issued = apiKeys.issue(organization, request == null ? null : request.name());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedApiKey(issued.keyId(), issued.name(), issued.secret(), issued.prefix()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<?> revoke(@RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @PathVariable long id) {
        if (apiKeys.revoke(organization, id)) {
            return ResponseEntity.noContent().build();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no active API key " + id + " in your organization");
        problem.setTitle("API key not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

}
