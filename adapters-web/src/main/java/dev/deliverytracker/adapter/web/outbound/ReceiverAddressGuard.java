package dev.deliverytracker.adapter.web.outbound;

import dev.deliverytracker.application.port.out.ReceiverAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where notifications may go, against server-side request forgery: https only (plain http only to a
 * loopback address, and only when a development setting allows it); every address the host resolves
 * to must be public unless the operator allows private ones. Checked when a subscription is saved and
 * again before every post, since a name can come to resolve elsewhere. Redirects are never followed
 * (the sender's client is built so), so an allowed host cannot bounce a post to a forbidden one.
 */
public final class ReceiverAddressGuard implements ReceiverAddresses {

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final boolean allowHttpLoopback;
    private final Resolver resolver;

    public ReceiverAddressGuard(boolean allowPrivate, boolean allowHttpLoopback, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.allowHttpLoopback = allowHttpLoopback;
        this.resolver = resolver;
    }

    public static Resolver systemResolver() {
        return host -> List.of(InetAddress.getAllByName(host));
    }

    @Override
    public Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("notifications go to https URLs only, not " + scheme + ":");
        }
        if (url.getHost() == null || url.getRawUserInfo() != null) {
            return Optional.of("a notification URL names a host and carries no credentials");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(url.getHost());
        } catch (UnknownHostException unknown) {
            return Optional.of("the host " + url.getHost() + " does not resolve");
        }
        if (addresses.isEmpty()) {
            return Optional.of("the host " + url.getHost() + " does not resolve");
        }
        boolean allLoopback = addresses.stream().allMatch(InetAddress::isLoopbackAddress);
        if (scheme.equals("http") && !(allowHttpLoopback && allLoopback)) {
            return Optional.of("notifications go to https URLs only; plain http only to a loopback address when "
                    + "tracker.notifications.allow-http-loopback is set (development)");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() && allowHttpLoopback) {
                continue;
            }
            if (!allowPrivate && isInternal(address)) {
                return Optional.of("the host " + url.getHost() + " resolves to " + address.getHostAddress()
                        + ", a private, loopback or link-local address; an operator allows those with "
                        + "tracker.notifications.allow-private-addresses");
            }
        }
        return Optional.empty();
    }

    /** Loopback, unspecified, private (RFC 1918, unique local), shared (RFC 6598), link-local, multicast. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local; an IPv4-mapped address is judged as the IPv4 one.
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }
}
