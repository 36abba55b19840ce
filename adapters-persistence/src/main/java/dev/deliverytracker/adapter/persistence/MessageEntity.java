package dev.deliverytracker.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "messages")
class MessageEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "message_id")
    Long id;

    @Column(name = "org_id", nullable = false)
    long orgId;

    @Column(nullable = false)
    String direction = "outgoing";

    @Column(nullable = false)
    String channel;

    @Column(name = "to_address", nullable = false)
    String toAddress;

    @Column(name = "from_address")
    String fromAddress;

    @Column(name = "messaging_service_sid")
    String messagingServiceSid;

    String body;

    @Column(name = "content_sid")
    String contentSid;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "content_variables")
    Map<String, String> contentVariables;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    Map<String, String> tags;

    @Column(name = "whatsapp_msg_sid")
    String providerSid;

    @Column(nullable = false)
    String status;

    @Column(name = "error_code")
    Integer errorCode;

    @Column(name = "error_message")
    String errorMessage;

    @Column(name = "idempotency_key")
    String idempotencyKey;

    @Column(name = "request_fingerprint")
    String requestFingerprint;

    @Column(nullable = false)
    int attempts;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "queued_at")
    Instant queuedAt;

    @Column(name = "sent_at")
    Instant sentAt;

    @Column(name = "delivered_at")
    Instant deliveredAt;

    @Column(name = "read_at")
    Instant readAt;

    @Column(name = "failed_at")
    Instant failedAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected MessageEntity() {
    }
}
