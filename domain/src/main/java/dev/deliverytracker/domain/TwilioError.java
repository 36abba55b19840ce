package dev.deliverytracker.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.deliverytracker.domain.RetryAdvice.FIX_FIRST;
import static dev.deliverytracker.domain.RetryAdvice.NEVER;
import static dev.deliverytracker.domain.RetryAdvice.RETRY_LATER;
import static dev.deliverytracker.domain.RetryAdvice.RETRY_WITH_BACKOFF;

/**
 * The Twilio error codes that matter for messaging, with what they mean and whether a retry can
 * help. Twilio's {@code ErrorMessage} is optional and undocumented in callbacks, so the meaning is
 * ours to know. Titles were checked against Twilio's error dictionary (see docs/error-codes.md).
 */
public enum TwilioError {
    PERMISSION_DENIED(20003, "Permission Denied", FIX_FIRST, "Check the account's SID and auth token (or API key) and that the account is active."),
    TOO_MANY_REQUESTS(20429, "Too many requests", RETRY_WITH_BACKOFF, "Slow down; the request is retried with backoff."),
    INVALID_TO_NUMBER(21211, "Invalid 'To' phone number", NEVER, "Correct the recipient's number."),
    REGION_NOT_ENABLED(21408, "Message blocked: permissions disabled for the destination region", FIX_FIRST, "Enable the region in Twilio's geo permissions."),
    FROM_REQUIRED(21603, "A 'From' phone number is required", FIX_FIRST, "Name a sender, or configure the organization's default sender."),
    UNSUBSCRIBED_RECIPIENT(21610, "Attempt to send to unsubscribed recipient", NEVER, "Do not send again unless the recipient texts START."),
    TO_IS_LANDLINE(21635, "'To' number cannot be a landline", NEVER, "Use a mobile number."),
    FROM_NOT_SMS_CAPABLE(21661, "'From' number is not SMS-capable", FIX_FIRST, "Send from an SMS-capable number."),
    FROM_QUEUE_LIMIT(21611, "This 'From' number has exceeded the maximum number of queued messages", RETRY_LATER, "Pace sending from this sender."),
    CANNOT_ROUTE(21612, "Message cannot be sent with the current combination of 'To' and 'From'", FIX_FIRST, "Use a sender that can reach this destination."),
    NOT_A_MOBILE_NUMBER(21614, "'To' is not a valid mobile number", NEVER, "Use a mobile number."),
    QUEUE_OVERFLOW(30001, "Queue overflow", RETRY_LATER, "Send later and slower."),
    ACCOUNT_SUSPENDED(30002, "Account suspended", FIX_FIRST, "Contact Twilio about the account."),
    UNREACHABLE_HANDSET(30003, "Unreachable destination handset", RETRY_LATER, "Retry later; the phone may be off or out of coverage."),
    MESSAGE_BLOCKED(30004, "Message blocked", NEVER, "The recipient or carrier blocks this sender."),
    UNKNOWN_HANDSET(30005, "Unknown destination handset", NEVER, "The number does not exist; remove it."),
    LANDLINE_OR_UNREACHABLE_CARRIER(30006, "Landline or unreachable carrier", NEVER, "Use a mobile number."),
    MESSAGE_FILTERED(30007, "Message filtered", FIX_FIRST, "Review content and sender registration."),
    UNKNOWN_ERROR(30008, "Unknown error", RETRY_WITH_BACKOFF, "Retry once or twice."),
    MISSING_INBOUND_SEGMENT(30009, "Missing inbound segment", NEVER, "An inbound error: only the sender of the inbound message can resend."),
    PRICE_EXCEEDS_MAX(30010, "Message price exceeds max price", FIX_FIRST, "Obsolete at Twilio since June 2024; remove MaxPrice."),
    CARRIER_CONGESTION(30017, "Carrier network congestion", RETRY_LATER, "Retry later."),
    SENDER_ID_REGISTRATION_REQUIRED(30040, "Destination carrier requires sender ID pre-registration", FIX_FIRST, "Register the sender ID."),
    CONTENT_SIZE_EXCEEDED(30019, "Content size exceeds carrier limit", FIX_FIRST, "Shorten the message."),
    A2P_RATE_LIMIT(30022, "US A2P 10DLC rate limits exceeded", RETRY_LATER, "Send slower."),
    A2P_DAILY_CAP(30023, "US A2P 10DLC daily cap reached", RETRY_LATER, "Retry tomorrow."),
    NUMERIC_SENDER_NOT_PROVISIONED(30024, "Numeric sender ID not provisioned on carrier", FIX_FIRST, "Provision the sender with the carrier."),
    A2P_TMOBILE_DAILY_LIMIT(30027, "US A2P 10DLC T-Mobile daily limit reached", RETRY_LATER, "Retry tomorrow."),
    TOLL_FREE_NOT_VERIFIED(30032, "Toll-free number has not been verified", FIX_FIRST, "Verify the toll-free number."),
    A2P_UNREGISTERED_NUMBER(30034, "US A2P 10DLC message from an unregistered number", FIX_FIRST, "Register the number for A2P 10DLC."),
    VALIDITY_PERIOD_EXPIRED(30036, "Validity period expired", RETRY_LATER, "Retry with a longer validity period and slower pacing."),
    SMS_PUMPING_PROTECTION(30450, "Message delivery blocked by SMS pumping protection", RETRY_LATER, "Retry after the 15 to 30 minute block."),
    TWILIO_INTERNAL_ERROR(30500, "Twilio internal error", RETRY_WITH_BACKOFF, "Retry once; if it persists it is Twilio's incident."),
    WHATSAPP_RECIPIENT_NOT_FOUND(63003, "Channel could not find To address", NEVER, "The recipient has no WhatsApp account."),
    WHATSAPP_OUTSIDE_WINDOW(63016, "Outside messaging window; use a message template", FIX_FIRST, "Resend as an approved template."),
    ACCOUNT_RATE_LIMIT(63017, "Rate limit exceeded for the account", RETRY_LATER, "Send slower."),
    CHANNEL_RATE_LIMIT(63018, "Rate limit exceeded for channel", RETRY_LATER, "Send slower."),
    WHATSAPP_INVALID_RECIPIENT(63024, "Invalid message recipient", NEVER, "Check the recipient's WhatsApp number."),
    DAILY_MESSAGES_LIMIT(63038, "Account exceeded the daily messages limit", RETRY_LATER, "Retry tomorrow."),
    WHATSAPP_MARKETING_NOT_DELIVERED(63049, "Meta chose not to deliver this WhatsApp marketing message", RETRY_LATER, "Do not retry at once (never for US recipients); Meta's engagement limits apply.");

    private static final Map<Integer, TwilioError> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(TwilioError::code, Function.identity()));

    private final int code;
    private final String title;
    private final RetryAdvice retryAdvice;
    private final String suggestedAction;

    TwilioError(int code, String title, RetryAdvice retryAdvice, String suggestedAction) {
        this.code = code;
        this.title = title;
        this.retryAdvice = retryAdvice;
        this.suggestedAction = suggestedAction;
    }

    public static Optional<TwilioError> byCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public int code() {
        return code;
    }

    public String title() {
        return title;
    }

    public RetryAdvice retryAdvice() {
        return retryAdvice;
    }

    public boolean isRetryable() {
        return retryAdvice.isRetryable();
    }

    public String suggestedAction() {
        return suggestedAction;
    }

    /** Twilio's page for this code. */
    public String moreInfo() {
        return "https://www.twilio.com/docs/errors/" + code;
    }
}
