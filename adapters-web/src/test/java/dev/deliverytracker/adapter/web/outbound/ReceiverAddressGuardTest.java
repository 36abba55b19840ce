package dev.deliverytracker.adapter.web.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each SSRF rule refuses what it is about, and lets through what it is not about. */
class ReceiverAddressGuardTest {

    // A resolver of our own: the rules are about where a name points, not about this machine's DNS.
    static final Map<String, String> DNS = Map.of(
            "public.example.com", "93.184.215.14",
            "loopback.example.com", "127.0.0.1",
            "ten.example.com", "10.1.2.3",
            "mixed.example.com", "93.184.215.14,192.168.1.10",
            "metadata.example.com", "169.254.169.254",
            "v6local.example.com", "fd00::1",
            "mapped.example.com", "::ffff:10.0.0.1",
            "cgnat.example.com", "100.64.0.1",
            "localhost", "127.0.0.1,::1");

    static ReceiverAddressGuard.Resolver resolver() {
        return host -> {
            String addresses = DNS.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            List<InetAddress> resolved = new java.util.ArrayList<>();
            for (String address : addresses.split(",")) {
                resolved.add(InetAddress.getByName(address));
            }
            return resolved;
        };
    }

    final ReceiverAddressGuard strict = new ReceiverAddressGuard(false, false, resolver());

    @Test
    void a_public_https_url_is_allowed() {
        assertThat(strict.refusal(URI.create("https://public.example.com/hooks"))).isEmpty();
    }

    @Test
    void plain_http_is_refused_even_to_a_public_host() {
        assertThat(strict.refusal(URI.create("http://public.example.com/hooks"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("https URLs only"));
    }

    @Test
    void other_schemes_are_refused() {
        assertThat(strict.refusal(URI.create("ftp://public.example.com/x"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("https URLs only"));
        assertThat(strict.refusal(URI.create("file:///etc/passwd"))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"loopback.example.com", "ten.example.com", "mixed.example.com", "metadata.example.com",
            "v6local.example.com", "mapped.example.com", "cgnat.example.com", "localhost", "127.0.0.1", "[::1]",
            "0.0.0.0", "172.16.0.1", "192.168.0.1", "[fe80::1]"})
    void an_address_resolving_to_a_private_loopback_or_link_local_range_is_refused(String host) {
        ReceiverAddressGuard guard = new ReceiverAddressGuard(false, false, literalOr(resolver()));
        assertThat(guard.refusal(URI.create("https://" + host + "/hooks"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("private, loopback or link-local",
                        "tracker.notifications.allow-private-addresses"));
    }

    @Test
    void an_operator_may_allow_private_addresses() {
        ReceiverAddressGuard allowing = new ReceiverAddressGuard(true, false, resolver());
        assertThat(allowing.refusal(URI.create("https://ten.example.com/hooks"))).isEmpty();
        assertThat(allowing.refusal(URI.create("http://ten.example.com/hooks"))).as("still https only").isPresent();
    }

    @Test
    void plain_http_to_loopback_only_with_the_development_setting() {
        assertThat(strict.refusal(URI.create("http://localhost:8080/hooks"))).isPresent();
        ReceiverAddressGuard development = new ReceiverAddressGuard(false, true, resolver());
        assertThat(development.refusal(URI.create("http://localhost:8080/hooks"))).isEmpty();
        assertThat(development.refusal(URI.create("http://ten.example.com/hooks"))).as("not loopback").isPresent();
        assertThat(development.refusal(URI.create("http://mixed.example.com/hooks"))).isPresent();
    }

    @Test
    void a_name_that_does_not_resolve_is_refused() {
        assertThat(strict.refusal(URI.create("https://nowhere.example.com/"))).isEqualTo(
                Optional.of("the host nowhere.example.com does not resolve"));
    }

    private static ReceiverAddressGuard.Resolver literalOr(ReceiverAddressGuard.Resolver names) {
        return host -> host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?") ? List.of(InetAddress.getByName(host))
                : names.resolve(host);
    }
}
