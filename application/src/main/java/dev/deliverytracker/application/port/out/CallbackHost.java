package dev.deliverytracker.application.port.out;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a status callback goes, as the unit a receiver is: scheme, host and port
 * ({@code https://orders.example.com:443}), whatever the path. Every callback URL of one host shares
 * its places in flight; another host's callbacks never wait for them.
 */
public record CallbackHost(String value) {

    public CallbackHost {
        Objects.requireNonNull(value, "value");
    }

    /** The host of an absolute URL, its port spelled out (443 for https, 80 for http when absent). */
    public static CallbackHost of(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("a status callback is an absolute URL with a host, was " + url);
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : "https".equals(scheme) ? 443 : 80;
        return new CallbackHost(scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    }

    @Override
    public String toString() {
        return value;
    }
}
