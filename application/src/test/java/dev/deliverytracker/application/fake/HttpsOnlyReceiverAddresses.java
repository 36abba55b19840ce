package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.ReceiverAddresses;
import java.net.URI;
import java.util.Optional;

/** The scheme half of the SSRF rules, without name resolution: https only. */
public final class HttpsOnlyReceiverAddresses implements ReceiverAddresses {

    @Override
    public Optional<String> refusal(URI url) {
        return "https".equalsIgnoreCase(url.getScheme()) ? Optional.empty()
                : Optional.of("notifications go to https URLs only");
    }
}
