package dev.deliverytracker.adapter.web.api.admin;

import dev.deliverytracker.adapter.web.api.ApiKeyFilter;
import dev.deliverytracker.adapter.web.api.admin.OrganizationApiController.CreatedKey;
import dev.deliverytracker.adapter.web.api.admin.OrganizationApiController.KeyRequest;
import dev.deliverytracker.adapter.web.api.admin.OrganizationApiController.KeyResponse;
import dev.deliverytracker.application.port.ApiCaller;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calling key's own organization's keys, without naming it: issue (rotation without downtime),
 * list by prefix, revoke. The same use cases as {@code /api/v1/organizations/{id}/api-keys}.
 */
@RestController
class ApiKeyApiController {

    private final OrganizationApiController organizations;

    ApiKeyApiController(OrganizationApiController organizations) {
        this.organizations = organizations;
    }

    @PostMapping("/api/v1/api-keys")
    public ResponseEntity<CreatedKey> create(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @RequestBody(required = false) KeyRequest body) {
        return organizations.issue(caller, caller.organization().toString(), body);
    }

    @GetMapping("/api/v1/api-keys")
    public List<KeyResponse> list(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller) {
        return organizations.keys(caller, caller.organization().toString());
    }

    @DeleteMapping("/api/v1/api-keys/{id}")
    public ResponseEntity<Void> revoke(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable long id) {
        return organizations.revoke(caller, caller.organization().toString(), id);
    }
}
