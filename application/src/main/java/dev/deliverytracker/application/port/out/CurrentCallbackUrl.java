package dev.deliverytracker.application.port.out;

/**
 * The URL a refused callback would be verified against if it arrived now: the request's own path
 * and query under the public base URL configured today. A replay checks the signature against it.
 */
public interface CurrentCallbackUrl {

    String of(String urlAtReceipt);
}
