package dev.deliverytracker.domain;

import java.util.regex.Pattern;

/**
 * A recipient or sender: a phone number in E.164 form on a channel. Printing it masks the number,
 * so an address can go into a log line or an error message safely.
 */
public record Address(Channel channel, String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    public Address {
        if (channel == null) {
            throw new IllegalArgumentException("address channel is required");
        }
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("address must be an E.164 phone number ('+' and 8 to 15 digits)"
                    + (channel == Channel.WHATSAPP ? " after 'whatsapp:'" : "") + ", was " + masked(e164));
        }
    }

    public static Address sms(String e164) {
        return new Address(Channel.SMS, e164);
    }

    public static Address whatsapp(String e164) {
        return new Address(Channel.WHATSAPP, e164);
    }

    /** Reads an address as Twilio writes it: {@code +14155550100} or {@code whatsapp:+14155550100}. */
    public static Address parseTwilio(String address) {
        if (address == null) {
            throw new IllegalArgumentException("address is required");
        }
        Channel channel = Channel.ofTwilioAddress(address);
        return new Address(channel, address.substring(channel.addressPrefix().length()));
    }

    /** Reads an address given for a known channel, accepting it with or without the channel prefix. */
    public static Address parseFor(Channel channel, String address) {
        if (address == null) {
            throw new IllegalArgumentException("address is required");
        }
        Channel written = Channel.ofTwilioAddress(address);
        if (written != channel && written != Channel.SMS) {
            throw new IllegalArgumentException("address " + masked(address) + " is a " + written.wireName()
                    + " address, but the channel is " + channel.wireName());
        }
        String number = address.startsWith(channel.addressPrefix())
                ? address.substring(channel.addressPrefix().length())
                : address;
        return new Address(channel, number);
    }

    /** The address as Twilio expects it in {@code To} and {@code From}. */
    public String toTwilio() {
        return channel.addressPrefix() + e164;
    }

    /** Keeps the country code and the last two digits; enough to tell numbers apart in a log. */
    public static String masked(String number) {
        if (number == null) {
            return "nothing";
        }
        if (number.length() <= 6) {
            return "'" + "*".repeat(number.length()) + "'";
        }
        String head = number.substring(0, Math.min(3, number.length() - 4));
        String tail = number.substring(number.length() - 2);
        return "'" + head + "*".repeat(number.length() - head.length() - 2) + tail + "'";
    }

    @Override
    public String toString() {
        return channel.addressPrefix() + masked(e164).replace("'", "");
    }
}
