package dev.deliverytracker.adapter.web.api.admin;

import dev.deliverytracker.adapter.web.api.ApiKeyFilter;
import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.AuditEntry;
import dev.deliverytracker.application.port.OrganizationLimits;
import dev.deliverytracker.application.port.SendLimit;
import dev.deliverytracker.application.port.StoredApiKey;
import dev.deliverytracker.application.port.in.FindAuditTrail;
import dev.deliverytracker.application.port.in.ManageApiKeys.IssueApiKey;
import dev.deliverytracker.application.port.in.ManageApiKeys.IssuedApiKey;
import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.application.port.in.ManageOrganizations;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.RetryPolicy;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizations, their API keys and the audit trail. The caller is its API key; what it may see and do
 * is the use cases' decision: another organization's anything is 404, a missing role or scope 403.
 */
@RestController
class OrganizationApiController {

    private final ManageOrganizations organizations;
    private final ManageApiKeys apiKeys;
    private final FindAuditTrail auditTrail;

    OrganizationApiController(ManageOrganizations organizations, ManageApiKeys apiKeys, FindAuditTrail auditTrail) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.auditTrail = auditTrail;
    }

    public record NameBody(String name) {
    }

    public record OrganizationResponse(String id, String name, boolean enabled, Instant createdAt) {
        static OrganizationResponse of(Organization organization) {
            return new OrganizationResponse(organization.id().toString(), organization.name(), organization.enabled(),
                    organization.createdAt());
        }
    }

    public record Budget(long requests, long periodSeconds) {
        static Budget of(SendLimit limit) {
            return new Budget(limit.requests(), limit.per().toSeconds());
        }
    }

    public record Retry(boolean enabled, int maxAttempts, long firstDelaySeconds, long maxDelaySeconds) {
        static Retry of(RetryPolicy policy) {
            return new Retry(policy.enabled(), policy.maxAttempts(), policy.firstDelay().toSeconds(),
                    policy.maxDelay().toSeconds());
        }
    }

    public record Limits(Map<String, Budget> sendBudgets, OrganizationLimits.Pacing pacing, Retry retryPolicy,
            String adoption, String windowEnforcement, long retentionDays) {
    }

    public record OrganizationDetails(String id, String name, boolean enabled, Instant createdAt, Limits limits) {
        static OrganizationDetails of(OrganizationLimits found) {
            Organization organization = found.organization();
            return new OrganizationDetails(organization.id().toString(), organization.name(), organization.enabled(),
                    organization.createdAt(), new Limits(
                            Map.of("perApiKey", Budget.of(found.perApiKeyBudget()),
                                    "perOrganization", Budget.of(found.organizationBudget())),
                            found.pacing(), Retry.of(found.retryPolicy()),
                            found.adoption().map(policy -> policy.wireName()).orElse(null),
                            found.windowEnforcement().wireName(), found.retention().toDays()));
        }
    }

    @GetMapping("/api/v1/organizations")
    public List<OrganizationResponse> list(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller) {
        return organizations.list(Actor.key(caller)).stream().map(OrganizationResponse::of).toList();
    }

    @PostMapping("/api/v1/organizations")
    public ResponseEntity<OrganizationResponse> create(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @RequestBody(required = false) NameBody body) {
        Organization created = AdminProblem.valueOf(organizations.create(Actor.key(caller), nameOf(body)));
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id()))
                .body(OrganizationResponse.of(created));
    }

    @GetMapping("/api/v1/organizations/{id}")
    public OrganizationDetails find(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller, @PathVariable String id) {
        return OrganizationDetails.of(AdminProblem.valueOf(organizations.find(Actor.key(caller), idOf(id))));
    }

    @PatchMapping("/api/v1/organizations/{id}")
    public OrganizationResponse rename(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable String id, @RequestBody(required = false) NameBody body) {
        return OrganizationResponse.of(AdminProblem.valueOf(
                organizations.rename(Actor.key(caller), idOf(id), nameOf(body))));
    }

    @PostMapping("/api/v1/organizations/{id}/disable")
    public OrganizationResponse disable(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable String id) {
        return OrganizationResponse.of(AdminProblem.valueOf(organizations.disable(Actor.key(caller), idOf(id))));
    }

    @PostMapping("/api/v1/organizations/{id}/enable")
    public OrganizationResponse enable(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable String id) {
        return OrganizationResponse.of(AdminProblem.valueOf(organizations.enable(Actor.key(caller), idOf(id))));
    }

    public record KeyRequest(String name, List<String> scopes, String expiresAt) {
    }

    /** The secret is in this answer only. */
    public record CreatedKey(long id, String name, String key, String prefix, List<String> scopes, Instant expiresAt) {
    }

    public record KeyResponse(long id, String name, String prefix, List<String> scopes, Instant createdAt,
            Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        static KeyResponse of(StoredApiKey key) {
            return new KeyResponse(key.id(), key.name(), key.prefix(), wire(key.scopes()), key.createdAt(),
                    key.expiresAt().orElse(null), key.lastUsedAt().orElse(null), key.revokedAt().orElse(null));
        }
    }

    @GetMapping("/api/v1/organizations/{id}/api-keys")
    public List<KeyResponse> keys(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller, @PathVariable String id) {
        return AdminProblem.valueOf(apiKeys.list(Actor.key(caller), idOf(id))).stream().map(KeyResponse::of).toList();
    }

    @PostMapping("/api/v1/organizations/{id}/api-keys")
    public ResponseEntity<CreatedKey> issue(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable String id, @RequestBody(required = false) KeyRequest body) {
        return issueKey(caller, idOf(id), body);
    }

    @DeleteMapping("/api/v1/organizations/{id}/api-keys/{keyId}")
    public ResponseEntity<Void> revoke(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable String id, @PathVariable long keyId) {
        AdminProblem.valueOf(apiKeys.revoke(Actor.key(caller), idOf(id), keyId));
        return ResponseEntity.noContent().build();
    }

    public record AuditResponse(Instant at, String actor, String organizationId, String action,
            Map<String, String> changes) {
        static AuditResponse of(AuditEntry entry) {
            return new AuditResponse(entry.at(), entry.actor(), entry.organization().map(Object::toString).orElse(null),
                    entry.action(), entry.changes());
        }
    }

    @GetMapping("/api/v1/organizations/{id}/audit")
    public List<AuditResponse> audit(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller, @PathVariable String id,
            @RequestParam(defaultValue = "100") int limit) {
        return AdminProblem.valueOf(auditTrail.find(Actor.key(caller), Optional.of(idOf(id)), limit)).stream()
                .map(AuditResponse::of).toList();
    }

    /** Every organization's changes, for platform administrators. */
    @GetMapping("/api/v1/audit")
    public List<AuditResponse> allAudit(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @RequestParam(defaultValue = "100") int limit) {
        return AdminProblem.valueOf(auditTrail.find(Actor.key(caller), Optional.empty(), limit)).stream()
                .map(AuditResponse::of).toList();
    }

    private ResponseEntity<CreatedKey> issueKey(ApiCaller caller, OrganizationId organization, KeyRequest body) {
        IssuedApiKey issued = AdminProblem.valueOf(apiKeys.issue(Actor.key(caller), command(organization, body)));
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedKey(issued.keyId(), issued.name(),
                issued.secret(), issued.prefix(), wire(issued.scopes()), issued.expiresAt().orElse(null)));
    }

    static IssueApiKey command(OrganizationId organization, KeyRequest body) {
        if (body == null) {
            throw new IllegalArgumentException("name: an API key needs a name of 1 to 100 characters");
        }
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        if (body.scopes() != null) {
            body.scopes().forEach(scope -> scopes.add(ApiScope.parse(scope)));
        }
        Optional<Instant> expiresAt;
        try {
            expiresAt = body.expiresAt() == null || body.expiresAt().isBlank() ? Optional.empty()
                    : Optional.of(Instant.parse(body.expiresAt().trim()));
        } catch (DateTimeParseException malformed) {
            throw new IllegalArgumentException("expiresAt: must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
        }
        return new IssueApiKey(organization, body.name(), scopes, expiresAt);
    }

    static List<String> wire(Set<ApiScope> scopes) {
        return new TreeSet<>(scopes).stream().map(ApiScope::wireName).collect(Collectors.toList());
    }

    private static String nameOf(NameBody body) {
        return body == null ? null : body.name();
    }

    static OrganizationId idOf(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return OrganizationId.of(value);
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw AdminProblem.invalid(HttpStatus.BAD_REQUEST, "Invalid request", "id",
                "an organization id is a positive whole number");
    }
}
