package dev.deliverytracker.simulator;

/** The channel a message goes through, told by the {@code whatsapp:} prefix of its addresses. */
public enum Channel {
    SMS,
    WHATSAPP;

    static final String WHATSAPP_PREFIX = "whatsapp:";

    static Channel of(String address) {
        return address != null && address.startsWith(WHATSAPP_PREFIX) ? WHATSAPP : SMS;
    }

    static String withoutPrefix(String address) {
        return address.startsWith(WHATSAPP_PREFIX) ? address.substring(WHATSAPP_PREFIX.length()) : address;
    }
}
