package dev.deliverytracker.adapter.persistence;

import java.time.Instant;
import java.util.Map;

/**
 * One row of {@code messages} as plain fields, read and written by SQL only ({@link MessageStateRows},
 * {@link PostgresOutbox}, {@link JdbcMessageStore}, {@link JdbcFailedMessages}): the table has one
 * persistence style, no persistence context manages it, and {@link MessageMapping} is the one place
 * that turns it into a {@code Message} and back (docs/adr/0031-one-persistence-style-per-table.md).
 */
final class MessageRow {

    static final String INCOMING = "incoming";

    Long id;
    long orgId;
    String channel;
    String toAddress;
    String fromAddress;
    String messagingServiceSid;
    String body;
    String contentSid;
    Map<String, String> contentVariables;
    Map<String, String> tags;
    /** {@code whatsapp_msg_sid}: Twilio's SID for every channel, under the name existing reports read. */
    String providerSid;
    String status;
    Integer errorCode;
    String errorMessage;
    String idempotencyKey;
    String requestFingerprint;
    int attempts;
    Instant createdAt;
    Instant queuedAt;
    Instant sentAt;
    Instant deliveredAt;
    Instant readAt;
    Instant failedAt;
    Instant updatedAt;
    /** {@code api} or {@code external}: sent through us, or by another application and adopted. */
    String origin;
    /** {@code outgoing}, or {@code incoming} for a message a customer sent (V60). */
    String direction;
}
