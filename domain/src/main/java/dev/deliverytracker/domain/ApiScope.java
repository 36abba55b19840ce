package dev.deliverytracker.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API key may do in its organization. {@code PLATFORM} reaches above organizations (create,
 * disable, list them all); only the first key of the organization {@code default} and keys a platform
 * administrator issues carry it.
 */
public enum ApiScope {
    SEND,
    READ,
    MANAGE,
    PLATFORM;

    /** What a key has when it names no scopes: everything within its organization. */
    public static Set<ApiScope> organizationDefault() {
        return EnumSet.of(SEND, READ, MANAGE);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApiScope parse(String value) {
        for (ApiScope scope : values()) {
            if (scope.wireName().equals(value == null ? "" : value.trim().toLowerCase(Locale.ROOT))) {
                return scope;
            }
        }
        throw new IllegalArgumentException("scopes: each scope must be one of " + Arrays.stream(values())
                .map(ApiScope::wireName).collect(Collectors.joining(", ")) + ", was " + Sids.quoteSafely(value));
    }
}
