package dev.deliverytracker.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "organizations")
class OrganizationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "org_id")
    Long id;

    @Column(nullable = false)
    String name;

    @Column(name = "twilio_account_sid")
    String twilioAccountSid;

    @Column(name = "twilio_auth_token")
    String twilioAuthToken;

    @Column(name = "twilio_previous_auth_token")
    String twilioPreviousAuthToken;

    @Column(name = "default_from")
    String defaultFrom;

    @Column(name = "default_messaging_service_sid")
    String defaultMessagingServiceSid;

    /** {@code adopt}, {@code keep_unmatched} or {@code refuse} ({@code AdoptionPolicy}). */
    @Column(name = "adoption", nullable = false)
    String adoption = "adopt";

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    /** Set while a platform administrator has the organization disabled: its sends are refused. */
    @Column(name = "disabled_at")
    Instant disabledAt;

    /** Created through the administration: its name is unique regardless of case (V33). */
    @Column(name = "managed", nullable = false)
    boolean managed;

    protected OrganizationEntity() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
