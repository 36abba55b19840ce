package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.DeliveryObservations;
import dev.deliverytracker.domain.DeliveryObservation;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * What every source of alert numbers promises ({@link DeliveryObservations}), run against
 * {@link SettableDeliveryObservations} and PostgreSQL: an organization without traffic, and failures and
 * error bursts counted from outgoing messages. Latency and callback numbers are PostgreSQL's own test's,
 * since the fake only answers what a test sets for them.
 */
public abstract class DeliveryObservationsContract {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Instant SINCE = NOW.minus(Duration.ofMinutes(15));
    private static final Instant BEFORE_WINDOW = SINCE.minusSeconds(60);

    protected abstract DeliveryObservations observations();

    protected abstract OrganizationId newOrganization();

    /** An outgoing message of the organization in Twilio's status spelling; code and failedAt may be null. */
    protected abstract void outgoing(OrganizationId organization, String status, Instant createdAt, Integer errorCode,
            Instant failedAt);

    @Test
    void an_organization_without_traffic_observes_nothing() {
        OrganizationId quiet = newOrganization();

        assertThat(observations().failures(quiet, SINCE)).isEqualTo(new DeliveryObservation.FailureCounts(0, 0));
        assertThat(observations().errors(quiet, 30007, SINCE)).isEqualTo(new DeliveryObservation.ErrorCount(30007, 0));
        assertThat(observations().latency(quiet, SINCE)).isEqualTo(DeliveryObservation.Latency.none());
        assertThat(observations().callbackFlow(quiet, SINCE)).isEqualTo(new DeliveryObservation.CallbackFlow(0, 0));
        assertThat(observations().callbackRefusals(quiet, SINCE))
                .isEqualTo(new DeliveryObservation.CallbackRefusals(0, 0));
    }

    @Test
    void failures_count_the_decided_messages_created_in_the_window_of_the_organization() {
        OrganizationId org = newOrganization();
        OrganizationId other = newOrganization();
        Instant inWindow = NOW.minusSeconds(60);
        outgoing(org, "delivered", inWindow, null, null);
        outgoing(org, "sent", inWindow, null, null);
        outgoing(org, "failed", inWindow, 30007, inWindow);
        outgoing(org, "undelivered", inWindow, 30003, inWindow);
        outgoing(org, "queued", inWindow, null, null);
        outgoing(org, "sending", inWindow, null, null);
        outgoing(org, "failed", BEFORE_WINDOW, 30007, BEFORE_WINDOW);
        outgoing(other, "failed", inWindow, 30007, inWindow);

        assertThat(observations().failures(org, SINCE)).isEqualTo(new DeliveryObservation.FailureCounts(2, 4));
        assertThat(observations().failures(other, SINCE)).isEqualTo(new DeliveryObservation.FailureCounts(1, 1));
    }

    @Test
    void an_error_burst_counts_the_code_by_when_the_message_failed() {
        OrganizationId org = newOrganization();
        OrganizationId other = newOrganization();
        outgoing(org, "failed", NOW.minusSeconds(60), 30007, NOW.minusSeconds(50));
        outgoing(org, "undelivered", NOW.minusSeconds(60), 30007, NOW.minusSeconds(40));
        outgoing(org, "failed", BEFORE_WINDOW, 30007, NOW.minusSeconds(30));
        outgoing(org, "failed", NOW.minusSeconds(60), 63016, NOW.minusSeconds(40));
        outgoing(org, "failed", BEFORE_WINDOW, 30007, BEFORE_WINDOW);
        outgoing(other, "failed", NOW.minusSeconds(60), 30007, NOW.minusSeconds(40));

        assertThat(observations().errors(org, 30007, SINCE))
                .as("created before the window, failed in it: counted")
                .isEqualTo(new DeliveryObservation.ErrorCount(30007, 3));
        assertThat(observations().errors(org, 63016, SINCE)).isEqualTo(new DeliveryObservation.ErrorCount(63016, 1));
        assertThat(observations().errors(org, 21610, SINCE)).isEqualTo(new DeliveryObservation.ErrorCount(21610, 0));
    }
}
