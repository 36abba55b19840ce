package dev.deliverytracker.domain;

import java.util.Locale;

/** The way a message travels. Twilio tells them apart by the address prefix. */
public enum Channel {
    SMS(""),
    WHATSAPP("whatsapp:");

    private final String addressPrefix;

    Channel(String addressPrefix) {
        this.addressPrefix = addressPrefix;
    }

    public String addressPrefix() {
        return addressPrefix;
    }

    /** The channel of an address as Twilio writes it ({@code whatsapp:+31...} or {@code +31...}). */
    public static Channel ofTwilioAddress(String address) {
        return address != null && address.startsWith(WHATSAPP.addressPrefix) ? WHATSAPP : SMS;
    }

    /** Parses the lower-case name used in the API and the database ({@code sms}, {@code whatsapp}). */
    public static Channel parse(String name) {
        if (name != null) {
            for (Channel channel : values()) {
                if (channel.wireName().equals(name.toLowerCase(Locale.ROOT))) {
                    return channel;
                }
            }
        }
        throw new IllegalArgumentException(
                "channel must be one of 'sms' or 'whatsapp', was " + Sids.quoteSafely(name));
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
