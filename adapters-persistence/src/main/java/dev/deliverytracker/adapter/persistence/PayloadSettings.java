package dev.deliverytracker.adapter.persistence;

/**
 * How raw provider payloads are stored.
 *
 * @param maskPhoneNumbers mask the phone numbers ({@code From}, {@code To}, {@code ChannelToAddress})
 *                         in stored payloads, keeping the country code and the last two digits; the
 *                         message row keeps its recipient, so sending and reports are unaffected
 */
public record PayloadSettings(boolean maskPhoneNumbers) {

    public static PayloadSettings defaults() {
        return new PayloadSettings(false);
    }
}
