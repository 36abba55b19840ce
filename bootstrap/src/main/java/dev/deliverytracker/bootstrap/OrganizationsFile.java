package dev.deliverytracker.bootstrap;

import java.util.List;

/**
 * The organizations file (configuration as code, {@code tracker.organizations.file}): organizations,
 * their Twilio accounts (tokens named by environment variable, never written in the file), senders
 * and operators. Read with Spring's relaxed binding, so {@code account-sid} and {@code accountSid}
 * both work.
 */
record OrganizationsFile(List<Organization> organizations, List<Operator> operators) {

    OrganizationsFile {
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        operators = operators == null ? List.of() : List.copyOf(operators);
    }

    record Organization(String name, Boolean enabled, List<Account> twilioAccounts, List<Sender> senders) {
        Organization {
            twilioAccounts = twilioAccounts == null ? List.of() : List.copyOf(twilioAccounts);
            senders = senders == null ? List.of() : List.copyOf(senders);
        }
    }

    /** {@code authTokenEnv}: the name of the environment variable (or property) that holds the token. */
    record Account(String accountSid, String authTokenEnv) {
    }

    record Sender(String channel, String from, String messagingServiceSid, Boolean isDefault) {
    }

    /** {@code passwordEnv}: the variable holding the password or a {bcrypt} hash. */
    record Operator(String username, String passwordEnv, String role, List<String> organizations, boolean platform) {
        Operator {
            organizations = organizations == null ? List.of() : List.copyOf(organizations);
        }
    }
}
