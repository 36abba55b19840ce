package dev.deliverytracker.application.port;

/**
 * The names of the fields that identify a message on structured log lines and trace spans, whoever
 * writes them: the work of dispatching and sending (driven side), the webhook (driving side), the log
 * encoders. One owner for both sides of the ports; a phone number is never one of them.
 */
public final class LogFields {

    public static final String MESSAGE_ID = "messageId";
    public static final String ORGANIZATION_ID = "organizationId";
    public static final String MESSAGE_SID = "messageSid";
    public static final String ACCOUNT_SID = "accountSid";

    private LogFields() {
    }
}
