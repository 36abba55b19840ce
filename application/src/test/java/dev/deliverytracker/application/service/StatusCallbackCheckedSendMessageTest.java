package dev.deliverytracker.application.service;

import dev.deliverytracker.application.fake.Actors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.deliverytracker.application.fake.HttpsOnlyReceiverAddresses;
import dev.deliverytracker.application.fake.InMemoryDeliveryStore;
import dev.deliverytracker.application.fake.InMemorySendBudgets;
import dev.deliverytracker.application.fake.InMemorySubscriptions;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.SendLimit;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.application.port.out.SendLimits;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusCallbackCheckedSendMessageTest {

    static final OrganizationId ORG = OrganizationId.of(1);
    static final ApiCaller CALLER = new ApiCaller(7, ORG);
    static final URI CALLBACK = URI.create("https://orders.example.com/messages/77/status");

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
    final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    final InMemorySubscriptions signers = new InMemorySubscriptions();
    final StatusCallbackCheckedSendMessage send = new StatusCallbackCheckedSendMessage(new SendMessageService(store,
            new SendAdmissionService(new InMemorySendBudgets(clock), (organization, defaults) -> defaults,
                    new SendLimits(new SendLimit(100, Duration.ofMinutes(1)), new SendLimit(100, Duration.ofMinutes(1)))),
            clock), new HttpsOnlyReceiverAddresses(), signers);

    @Test
    void a_message_with_a_status_callback_is_stored_with_it_once_the_organization_can_sign() {
        new StatusCallbackSecretService(signers, clock).createOrRotate(Actors.PLATFORM, ORG, Duration.ZERO);

        SendOutcome outcome = send.send(command(Optional.of(CALLBACK)));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Accepted.class, accepted ->
                assertThat(store.statusCallbackOf(accepted.message().id().orElseThrow())).contains(CALLBACK));
    }

    @Test
    void without_a_status_callback_secret_the_request_is_refused_with_what_to_do_and_nothing_is_stored() {
        SendOutcome outcome = send.send(command(Optional.of(CALLBACK)));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.StatusCallbackRefused.class, refused ->
                assertThat(refused.reason()).contains("no status-callback secret")
                        .contains("POST /api/v1/status-callback-secret"));
        assertThat(store.claimDue(10, clock.instant(), Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void a_url_the_rules_refuse_is_refused_with_their_reason_and_nothing_is_stored() {
        new StatusCallbackSecretService(signers, clock).createOrRotate(Actors.PLATFORM, ORG, Duration.ZERO);

        SendOutcome outcome = send.send(command(Optional.of(URI.create("http://orders.example.com/status"))));

        assertThat(outcome).isEqualTo(new SendOutcome.StatusCallbackRefused("notifications go to https URLs only"));
        assertThat(store.claimDue(10, clock.instant(), Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void a_message_without_a_status_callback_needs_no_secret() {
        assertThat(send.send(command(Optional.empty()))).isInstanceOfSatisfying(SendOutcome.Accepted.class,
                accepted -> assertThat(store.statusCallbackOf(accepted.message().id().orElseThrow())).isEmpty());
    }

    @Test
    void a_status_callback_must_be_an_absolute_url_with_a_host_and_not_too_long() {
        assertThatIllegalArgumentException().isThrownBy(() -> command(Optional.of(URI.create("/relative/path"))))
                .withMessageStartingWith("statusCallback: must be an absolute https URL");
        assertThatIllegalArgumentException().isThrownBy(() -> command(Optional.of(URI.create("mailto:ops@example.com"))))
                .withMessageStartingWith("statusCallback: must be an absolute https URL");
        assertThatIllegalArgumentException().isThrownBy(() -> command(Optional.of(
                URI.create("https://orders.example.com/" + "a".repeat(1024))))).withMessageContaining("at most 1024");
    }

    @Test
    void the_same_idempotency_key_with_another_status_callback_is_another_request() {
        new StatusCallbackSecretService(signers, clock).createOrRotate(Actors.PLATFORM, ORG, Duration.ZERO);
        SendMessageCommand first = withKey(Optional.of(CALLBACK));

        assertThat(send.send(first)).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(send.send(withKey(Optional.of(CALLBACK)))).isInstanceOf(SendOutcome.Repeated.class);
        assertThat(send.send(withKey(Optional.of(URI.create("https://elsewhere.example.com/status")))))
                .isInstanceOf(SendOutcome.IdempotencyConflict.class);
    }

    private static SendMessageCommand command(Optional<URI> callback) {
        return new SendMessageCommand(CALLER, Address.sms("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("hello"), Map.of(), "", callback);
    }

    private static SendMessageCommand withKey(Optional<URI> callback) {
        return new SendMessageCommand(CALLER, Address.sms("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("hello"), Map.of(), "order-77", callback);
    }
}
