package dev.deliverytracker.domain;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A tenant as administrators manage it: a name people know it by, and whether it may send. A disabled
 * organization's sends are refused; its callbacks are still recorded and its history stays readable.
 */
public record Organization(OrganizationId id, String name, boolean enabled, Instant createdAt) {

    /** Letters, digits, spaces and {@code . _ -}, starting with a letter or digit: safe in URLs, logs and YAML. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,63}");

    public Organization {
        if (id == null || createdAt == null) {
            throw new IllegalArgumentException("an organization needs its id and creation time");
        }
        name = requireName(name);
    }

    /** A name as an organization may have it, trimmed; refused with a message naming the field. */
    public static String requireName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (!NAME.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("name: an organization's name is 1 to 64 letters, digits, spaces or "
                    + ". _ -, starting with a letter or digit; was " + Sids.quoteSafely(name));
        }
        return trimmed;
    }

    /** Whether {@code other} is this organization's name, ignoring case: names are unique regardless of case. */
    public boolean isNamed(String other) {
        return other != null && name.equalsIgnoreCase(other.trim());
    }

    public Organization renamed(String newName) {
        return new Organization(id, newName, enabled, createdAt);
    }

    public Organization disabled() {
        return new Organization(id, name, false, createdAt);
    }

    public Organization enabledAgain() {
        return new Organization(id, name, true, createdAt);
    }
}
