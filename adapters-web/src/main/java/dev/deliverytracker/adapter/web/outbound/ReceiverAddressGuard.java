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
 * to must be public unless the operator allows private ones. Checked when a subscription is saved, and
 * for every connection the sender opens: the sender's client resolves names only through
 * {@link #admittedAddresses}, so the addresses checked are the addresses connected to (no DNS
 * rebinding between a check and a second resolution). Redirects are never followed, so an allowed
 * host cannot bounce a post to a forbidden one.
 */
public final class ReceiverAddressGuard implements ReceiverAddresses {

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /**
     * A host the rules refuse. An {@link UnknownHostException} so that an HTTP client asking for the
     * host's addresses gets none and connects to nothing.
     */
    public static final class RefusedAddress extends UnknownHostException {

        private static final long serialVersionUID = 1L;

        RefusedAddress(String reason) {
            super(reason);
        }
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
        Optional<String> refused = refusalBeforeResolving(url);
        if (refused.isPresent()) {
            return refused;
        }
        try {
            admittedAddresses(url.getScheme(), url.getHost());
            return Optional.empty();
        } catch (RefusedAddress refusedAddress) {
            return Optional.of(refusedAddress.getMessage());
        }
    }

    /** The rules that need no name resolution: the scheme, a host, no credentials. */
    public Optional<String> refusalBeforeResolving(URI url) {
        String scheme = scheme(url.getScheme());
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("notifications go to https URLs only, not " + scheme + ":");
        }
        if (url.getHost() == null || url.getRawUserInfo() != null) {
            return Optional.of("a notification URL names a host and carries no credentials");
        }
        if (scheme.equals("http") && !allowHttpLoopback) {
            return Optional.of(httpRefusal());
        }
        return Optional.empty();
    }

    /**
     * Resolves {@code host} once and answers its addresses when a post over {@code scheme} may go to
     * every one of them; the caller connects to these and to no other.
     */
    public List<InetAddress> admittedAddresses(String scheme, String host) throws RefusedAddress {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException unknown) {
            throw new RefusedAddress("the host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new RefusedAddress("the host " + host + " does not resolve");
        }
        boolean allLoopback = addresses.stream().allMatch(InetAddress::isLoopbackAddress);
        if (scheme(scheme).equals("http") && !(allowHttpLoopback && allLoopback)) {
            throw new RefusedAddress(httpRefusal());
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() && allowHttpLoopback) {
                continue;
            }
            if (!allowPrivate && isInternal(address)) {
                throw new RefusedAddress("the host " + host + " resolves to " + address.getHostAddress()
                        + ", a private, loopback or link-local address; an operator allows those with "
                        + "tracker.notifications.allow-private-addresses");
            }
        }
        return List.copyOf(addresses);
    }

    private static String scheme(String scheme) {
        return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
    }

    private static String httpRefusal() {
        return "notifications go to https URLs only; plain http only to a loopback address when "
                + "tracker.notifications.allow-http-loopback is set (development)";
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
