package dev.deliverytracker.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a person signed in to the dashboard may do in one organization they belong to; the same person
 * may hold another role in another organization. Each role includes the ones before it.
 */
public enum OperatorRole {
    /** Reads the organization's messages, statistics, settings and audit trail. */
    VIEWER,
    /** And acts on messages: sends a failed one again. */
    OPERATOR,
    /** And manages the organization: its accounts, senders, keys and people. */
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this role includes everything {@code other} may do. */
    public boolean includes(OperatorRole other) {
        return compareTo(other) >= 0;
    }

    /** Accepts the wire names, and {@code administrator} for {@code admin} as people write it. */
    public static OperatorRole parse(String value) {
        String given = value == null ? "" : value.trim();
        if (given.equalsIgnoreCase("administrator")) {
            return ADMIN;
        }
        for (OperatorRole role : values()) {
            if (role.wireName().equalsIgnoreCase(given)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be one of " + Arrays.stream(values())
                .map(OperatorRole::wireName).collect(Collectors.joining(", ")) + ", was '" + value + "'");
    }
}
