package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.adapter.web.InvalidRequest;
import dev.deliverytracker.adapter.web.LogSafe;
import dev.deliverytracker.application.port.in.AdoptStoredUnmatched;
import dev.deliverytracker.application.port.in.ManageAdoption;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether the organization tracks the messages its other applications send on its Twilio accounts:
 * {@code adopt} (the default), {@code keep_unmatched} or {@code refuse}.
 */
@RestController
class AdoptionApiController {

    private final ManageAdoption adoption;
    private final AdoptStoredUnmatched storedUnmatched;

    AdoptionApiController(ManageAdoption adoption, AdoptStoredUnmatched storedUnmatched) {
        this.adoption = adoption;
        this.storedUnmatched = storedUnmatched;
    }

    /**
     * The one-off action for callbacks kept unmatched before the organization adopted: each is read
     * again, and the messages they reveal are adopted with their history.
     */
    @PostMapping("/api/v1/adoption/unmatched")
    public AdoptStoredUnmatched.AdoptionReport adoptStored(
            @RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization) {
        return storedUnmatched.adoptStored(actor, organization);
    }

    public record AdoptionBody(String policy) {
    }

    @GetMapping("/api/v1/adoption")
    public AdoptionBody policy(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization) {
        return new AdoptionBody(adoption.policyOf(actor, organization).wireName());
    }

    @PutMapping("/api/v1/adoption")
    public AdoptionBody setPolicy(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestBody(required = false) AdoptionBody request) {
        String word = request == null ? null : request.policy();
        AdoptionPolicy policy = AdoptionPolicy.lookup(word == null ? "" : word)
                .orElseThrow(() -> new InvalidRequest(List.of(new InvalidRequest.FieldError("policy", "must be one of "
                        + Arrays.stream(AdoptionPolicy.values()).map(AdoptionPolicy::wireName).toList() + ", was "
                        + (word == null ? "nothing" : "'" + LogSafe.text(word) + "'")))));
        adoption.set(actor, organization, policy);
        return new AdoptionBody(policy.wireName());
    }
}
