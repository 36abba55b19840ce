package dev.deliverytracker.application.port.out;

import java.net.URI;
import java.util.Optional;

/**
 * The rule for where notifications may go (no server-side request forgery): why a URL is refused,
 * or empty when it may be used.
 */
public interface ReceiverAddresses {

    Optional<String> refusal(URI url);
}
