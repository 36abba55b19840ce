package dev.deliverytracker.bootstrap;

import dev.deliverytracker.adapter.persistence.StoredMessages;
import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * Puts the data a system test needs in place through the application's own ports: an organization
 * with its Twilio account, and messages Twilio has or has not accepted yet.
 */
@Component
class TrackerFixture {

    private final Organizations organizations;
    private final StoredMessages messages;
    private final DeliveryLog log;

    TrackerFixture(Organizations organizations, StoredMessages messages, DeliveryLog log) {
        this.organizations = organizations;
        this.messages = messages;
        this.log = log;
    }

    OrganizationId organizationOf(AccountSid account, String authToken) {
        return organizations.ensure("org " + account, new TwilioAccountCredentials(account, authToken, ""));
    }

    /** An organization of its own that sends through the simulator from {@code +15005550006}. */
    SimulatedOrganization simulatedOrganization(TwilioSimulator simulator) {
        AccountSid account = DeliveryStoreContract.randomAccount();
        String token = "simulated-token-" + ThreadLocalRandom.current().nextInt(1_000_000);
        simulator.registerAccount(account.value(), token);
        OrganizationId id = organizationOf(account, token);
        organizations.defaultSender(id, new Sender.Number(Address.sms("+15005550006")));
        return new SimulatedOrganization(id, "org " + account);
    }

    record SimulatedOrganization(OrganizationId id, String name) {
    }

    Message pendingMessage(OrganizationId org) {
        return messages.add(Message.pending(org, Address.whatsapp("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("Your order shipped"), Map.of(), Optional.empty(), Instant.now()));
    }

    /** A message Twilio accepted as {@code queued} under a fresh SID. */
    Message acceptedMessage(OrganizationId org) {
        Message pending = pendingMessage(org);
        return log.accepted(pending.id().get(), DeliveryEvent.of(DeliveryStoreContract.randomSid(),
                DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE, Instant.now()));
    }
}
