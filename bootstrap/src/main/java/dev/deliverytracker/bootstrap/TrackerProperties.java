package dev.deliverytracker.bootstrap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the service, with a default that works offline. Checked at start where each is
 * used, with an error that names the setting and what it expects.
 *
 * @param apiKey an API key (24 characters or more) added to the organization 'default' at every start;
 *               empty: one is generated at the first start and printed once
 */
@ConfigurationProperties("tracker")
public record TrackerProperties(
        @DefaultValue Webhook webhook,
        @DefaultValue Twilio twilio,
        @DefaultValue EmbeddedDatabase embeddedDatabase,
        @DefaultValue Dispatch dispatch,
        @DefaultValue Simulator simulator,
        String apiKey,
        @DefaultValue RateLimits rateLimits,
        @DefaultValue Pacing pacing) {

    /**
     * Send budgets of the API (sends and retries): token buckets in PostgreSQL shared by all instances.
     * A budget of N requests per P holds N tokens and refills N every P, gradually. An organization's
     * row in organization_rate_limits overrides these defaults.
     *
     * @param enabled off: no request is ever answered 429
     * @param perKeyRequests requests each API key may make per {@code perKeyPeriod}
     * @param perKeyPeriod its period
     * @param perOrganizationRequests requests all keys of an organization together may make per {@code perOrganizationPeriod}
     * @param perOrganizationPeriod its period
     */
    public record RateLimits(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("3000") long perKeyRequests,
            @DefaultValue("1m") Duration perKeyPeriod,
            @DefaultValue("6000") long perOrganizationRequests,
            @DefaultValue("1m") Duration perOrganizationPeriod) {
    }

    /**
     * How fast the dispatcher hands messages to Twilio (messages a second, and how many may go at once),
     * per sender and per Twilio account; the rest waits in the outbox with its paced-until time.
     *
     * @param enabled off: every due message goes at once
     * @param smsNumberRate each SMS sender number (Twilio: 1 segment/s for a US/Canadian long code)
     * @param smsNumberBurst how many an SMS number may send at once (Twilio queues them at its rate)
     * @param whatsappNumberRate each WhatsApp sender
     * @param whatsappNumberBurst its burst
     * @param messagingServiceRate each Messaging Service (a pool of senders)
     * @param messagingServiceBurst its burst
     * @param accountRate each Twilio account, all its senders together (Twilio's cap: 2,000/s)
     * @param accountBurst its burst
     */
    public record Pacing(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1") double smsNumberRate,
            @DefaultValue("600") int smsNumberBurst,
            @DefaultValue("20") double whatsappNumberRate,
            @DefaultValue("600") int whatsappNumberBurst,
            @DefaultValue("10") double messagingServiceRate,
            @DefaultValue("600") int messagingServiceBurst,
            @DefaultValue("1000") double accountRate,
            @DefaultValue("1000") int accountBurst) {
    }

    /**
     * The service's part of {@code tracker.webhook.*}; where the webhook is and what it takes are the web
     * adapter's settings.
     *
     * @param signatureCheck {@code required}, or {@code disabled} for local experiments only
     */
    public record Webhook(@DefaultValue("required") String signatureCheck) {
    }

    /**
     * @param accountSid the Twilio account to send through; empty starts the embedded simulator
     * @param authToken its auth token
     * @param previousAuthToken the token before a rotation, still accepted on callbacks
     * @param defaultFrom the sender number of the organization 'default' (E.164, used on every channel)
     * @param defaultMessagingServiceSid or its Messaging Service
     * @param apiBaseUrl send to this base URL instead of https://api.twilio.com (a stand-alone simulator)
     */
    public record Twilio(String accountSid, String authToken, String previousAuthToken, String defaultFrom,
            String defaultMessagingServiceSid, URI apiBaseUrl) {

        public boolean hasCredentials() {
            return accountSid != null && !accountSid.isBlank();
        }
    }

    /**
     * @param enabled whether this instance dispatches (any number of instances may)
     * @param interval the pause between dispatch rounds when nothing is due
     * @param batchSize messages claimed per round
     * @param maxAttempts attempts before a transient failure fails the message
     * @param lease how long a claimed message is held before another instance may take it over
     * @param firstRetryDelay the wait before the second attempt, doubling after each
     * @param maxRetryDelay the longest wait between attempts
     * @param concurrency messages sent at the same time on this instance, by all lanes together
     * @param lanes rounds that claim and send at the same time on this instance
     */
    public record Dispatch(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200ms") Duration interval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("5m") Duration lease,
            @DefaultValue("2s") Duration firstRetryDelay,
            @DefaultValue("5m") Duration maxRetryDelay,
            @DefaultValue("64") int concurrency,
            @DefaultValue("4") int lanes) {
    }

    /**
     * The embedded simulator's pace, so a first run shows statuses moving rather than all at once.
     *
     * @param minDelay the shortest wait between two callbacks of a message
     * @param maxDelay the longest
     * @param createDelay how long it holds each create before answering, as Twilio's API takes 100 to
     *        300 ms; 0 answers at once
     * @param port its HTTP port; 0 picks a free one
     */
    public record Simulator(
            @DefaultValue("300ms") Duration minDelay,
            @DefaultValue("1500ms") Duration maxDelay,
            @DefaultValue("0ms") Duration createDelay,
            @DefaultValue("0") int port) {
    }

    /**
     * @param dataDirectory where the embedded PostgreSQL keeps its files across restarts
     * @param port its port; 0 picks a free one
     */
    public record EmbeddedDatabase(
            @DefaultValue(".data/postgres") Path dataDirectory,
            @DefaultValue("0") int port) {
    }
}
