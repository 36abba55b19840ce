package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.InMemoryDeliveryStore;
import dev.deliverytracker.application.fake.InMemoryOrganizationDirectory;
import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrganizationGatedOutboxTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final InMemoryOrganizationDirectory organizations = new InMemoryOrganizationDirectory();
    private final OrganizationGatedOutbox outbox = new OrganizationGatedOutbox(store, organizations,
            Duration.ofSeconds(30));
    private final Organization sending = organizations.create("sending", T0).orElseThrow();
    private final Organization stopped = organizations.create("stopped", T0).orElseThrow();

    @Test
    void a_disabled_organizations_messages_wait_without_using_attempts_and_go_once_it_is_enabled_again() {
        MessageId ours = enqueue(sending);
        MessageId waiting = enqueue(stopped);
        organizations.save(stopped.disabled());

        assertThat(claimed(T0)).containsExactly(ours);
        assertThat(claimed(T0.plusSeconds(29))).as("held, not handed out again at once").isEmpty();
        assertThat(claimed(T0.plusSeconds(30))).as("looked at again, still disabled").isEmpty();
        assertThat(store.isWaiting(waiting)).as("neither sent nor failed").isTrue();

        organizations.save(stopped.enabledAgain());
        List<Outbox.Claim> after = store.claimDue(10, T0.plusSeconds(60), LEASE);
        assertThat(after).extracting(claim -> claim.message().id().orElseThrow()).containsExactly(waiting);
        assertThat(after.get(0).attempt()).as("holding used no attempt").isEqualTo(1);
    }

    private List<MessageId> claimed(Instant now) {
        return outbox.claimDue(10, now, LEASE).stream().map(claim -> claim.message().id().orElseThrow()).toList();
    }

    private MessageId enqueue(Organization organization) {
        Message pending = Message.pending(organization.id(), Address.sms("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("held?"), Map.of(), Optional.empty(), T0);
        return store.enqueue(pending, "f-" + organization.name(), T0).message().id().orElseThrow();
    }
}
