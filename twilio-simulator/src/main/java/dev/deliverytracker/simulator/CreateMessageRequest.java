package dev.deliverytracker.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form parameters of {@code POST Messages.json} that the simulator looks at, and Twilio's
 * validation of them for the common mistakes. Parameters it does not know are accepted and
 * ignored, as Twilio does.
 */
record CreateMessageRequest(
        String to,
        String from,
        String messagingServiceSid,
        String body,
        String contentSid,
        String contentVariables,
        String statusCallback) {

    static final int MAX_BODY_LENGTH = 1600;
    /** E.164: a plus and 8 to 15 digits, the first not 0. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    static CreateMessageRequest of(Map<String, String> form) {
        return new CreateMessageRequest(
                form.getOrDefault("To", ""),
                form.getOrDefault("From", ""),
                form.getOrDefault("MessagingServiceSid", ""),
                form.getOrDefault("Body", ""),
                form.getOrDefault("ContentSid", ""),
                form.getOrDefault("ContentVariables", ""),
                form.getOrDefault("StatusCallback", ""));
    }

    Channel channel() {
        return Channel.of(to);
    }

    /** Twilio's answer to a bad request, checked in the order Twilio reports them. */
    Optional<TwilioError> problem() {
        if (to.isBlank()) {
            return Optional.of(TwilioError.badRequest(21604));
        }
        if (from.isBlank() && messagingServiceSid.isBlank()) {
            return Optional.of(TwilioError.badRequest(21603));
        }
        if (body.isEmpty() && contentSid.isBlank()) {
            return Optional.of(TwilioError.badRequest(21602));
        }
        if (body.length() > MAX_BODY_LENGTH) {
            return Optional.of(TwilioError.badRequest(21617));
        }
        if (!E164.matcher(Channel.withoutPrefix(to)).matches()
                || (!from.isBlank() && Channel.of(from) == Channel.WHATSAPP && channel() != Channel.WHATSAPP)) {
            return Optional.of(new TwilioError(21211, "Invalid 'To' Phone Number: " + PhoneMask.mask(to), 400));
        }
        if (channel() == Channel.WHATSAPP && !from.isBlank() && Channel.of(from) != Channel.WHATSAPP) {
            return Optional.of(TwilioError.badRequest(63007));
        }
        return Optional.empty();
    }

    /** SMS segments: 153 GSM-7 characters per segment of a long text, 67 for UCS-2. */
    int segments() {
        if (body.isEmpty()) {
            return 1;
        }
        boolean gsm = body.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n' || c == '\r');
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        return body.length() <= single ? 1 : (body.length() + part - 1) / part;
    }
}
