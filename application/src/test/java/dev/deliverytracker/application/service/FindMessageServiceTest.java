package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.InMemoryDeliveryStore;
import dev.deliverytracker.application.fake.InMemoryMessageCharges;
import dev.deliverytracker.application.fake.InMemoryOrganizationDirectory;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.Sender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindMessageServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private final InMemoryOrganizationDirectory organizations = new InMemoryOrganizationDirectory();
    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final FindMessageService find = new FindMessageService(store, store, new InMemoryMessageCharges(),
            Clock.fixed(NOW, ZoneOffset.UTC), organizations);

    @Test
    void a_pending_message_of_a_disabled_organization_says_it_is_held_and_why() {
        Organization organization = organizations.create("held", NOW).orElseThrow();
        Message pending = pending(organization);

        assertThat(find.heldBecause(pending)).isEmpty();
        organizations.save(organization.disabled());
        assertThat(find.heldBecause(pending)).contains("organization " + organization.id()
                + " is disabled: the message waits until it is enabled again");
        organizations.save(organization.disabled().enabledAgain());
        assertThat(find.heldBecause(pending)).isEmpty();
    }

    @Test
    void a_message_twilio_already_took_is_not_held() {
        Organization organization = organizations.create("moving", NOW).orElseThrow();
        organizations.save(organization.disabled());
        Message taken = pending(organization).acceptedAs(MessageSid.of("SM" + "a".repeat(32)));

        assertThat(find.heldBecause(taken)).isEmpty();
    }

    private static Message pending(Organization organization) {
        return Message.pending(organization.id(), Address.sms("+15551230000"), Sender.organizationDefault(),
                new MessageContent.Text("hello"), Map.of(), Optional.empty(), NOW).withId(MessageId.of(1));
    }
}
