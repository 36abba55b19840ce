package dev.deliverytracker.simulator;

/** Keeps phone numbers out of logs and error texts: only the last four digits stay. */
final class PhoneMask {

    private PhoneMask() {
    }

    static String mask(String address) {
        if (address == null || address.length() <= 4) {
            return "****";
        }
        String prefix = address.startsWith(Channel.WHATSAPP_PREFIX) ? Channel.WHATSAPP_PREFIX : "";
        String number = address.substring(prefix.length());
        return prefix + "*".repeat(Math.max(0, number.length() - 4)) + number.substring(Math.max(0, number.length() - 4));
    }
}
