package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.ManageAdoption;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.OrganizationId;

/** Reads and sets an organization's adoption policy, which travels with its Twilio account. */
public final class AdoptionService implements ManageAdoption {

    private final Organizations organizations;
    private final TwilioAccounts accounts;

    public AdoptionService(Organizations organizations, TwilioAccounts accounts) {
        this.organizations = organizations;
        this.accounts = accounts;
    }

    @Override
    public AdoptionPolicy policyOf(Actor actor, OrganizationId organization) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.READ, "organization");
        return accounts.findByOrganization(organization).map(TwilioAccount::adoption).orElse(AdoptionPolicy.ADOPT);
    }

    @Override
    public void set(Actor actor, OrganizationId organization, AdoptionPolicy policy) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.MANAGE, "organization");
        organizations.adoption(organization, policy);
    }
}
