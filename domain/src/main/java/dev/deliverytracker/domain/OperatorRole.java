package dev.deliverytracker.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a person signed in to the dashboard may do in the organizations they belong to. Both see
 * everything there; only an admin acts on messages (sends a failed one again).
 */
public enum OperatorRole {
    ADMIN,
    VIEWER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OperatorRole parse(String value) {
        for (OperatorRole role : values()) {
            if (role.wireName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be one of " + Arrays.stream(values())
                .map(OperatorRole::wireName).collect(Collectors.joining(", ")) + ", was '" + value + "'");
    }
}
