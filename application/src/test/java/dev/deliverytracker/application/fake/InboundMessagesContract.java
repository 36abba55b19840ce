package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.WindowEnforcement;
import dev.deliverytracker.application.port.out.InboundMessages;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.application.port.out.WindowEnforcements;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.CustomerServiceWindow;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Direction;
import dev.deliverytracker.domain.InboundMessage;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every store of inbound messages and window enforcements promises ({@link InboundMessages},
 * {@link WindowEnforcements}, and inbound messages read back through {@link MessageQueries}), run
 * against {@link InMemoryInboundMessages} and against PostgreSQL.
 * Each test uses organizations of its own.
 */
public abstract class InboundMessagesContract {

    protected static final Instant T = Instant.parse("2026-11-24T12:00:00Z");
    protected static final Address CUSTOMER = Address.whatsapp("+31612345678");
    protected static final Address OTHER_CUSTOMER = Address.whatsapp("+31687654321");
    protected static final Address BUSINESS = Address.whatsapp("+14155238886");
    protected static final Address OTHER_BUSINESS = Address.whatsapp("+14155230000");

    protected abstract InboundMessages inbound();

    protected abstract WindowEnforcements enforcements();

    /** The messages of the same store, where inbound messages are read as messages of direction incoming. */
    protected abstract MessageQueries messages();

    protected abstract OrganizationId newOrganization();

    @Test
    void a_message_is_stored_once_and_the_window_is_the_customer_s_latest_message_of_the_organization() {
        OrganizationId org = newOrganization();
        OrganizationId other = newOrganization();
        InboundMessage first = message(org, CUSTOMER, BUSINESS, T);

        assertThat(inbound().add(first)).isTrue();
        assertThat(inbound().add(first)).as("Twilio's duplicate").isFalse();
        inbound().add(message(org, CUSTOMER, BUSINESS, T.plus(Duration.ofHours(3))));
        inbound().add(message(org, OTHER_CUSTOMER, BUSINESS, T.plus(Duration.ofHours(1))));
        inbound().add(message(other, CUSTOMER, BUSINESS, T.plus(Duration.ofHours(9))));

        assertThat(inbound().latestWindow(org, CUSTOMER)).hasValue(new CustomerServiceWindow(CUSTOMER, BUSINESS,
                T.plus(Duration.ofHours(3))));
        assertThat(inbound().latestWindow(org, Address.whatsapp("+31600000000"))).isEmpty();
        assertThat(inbound().latestWindow(org, CUSTOMER, BUSINESS)).hasValue(new CustomerServiceWindow(CUSTOMER,
                BUSINESS, T.plus(Duration.ofHours(3))));
        assertThat(inbound().latestWindow(org, CUSTOMER, Address.whatsapp("+14155550000")))
                .as("a number the customer never wrote to").isEmpty();
        assertThat(inbound().windowsSince(org, T, 10)).containsExactly(
                new CustomerServiceWindow(CUSTOMER, BUSINESS, T.plus(Duration.ofHours(3))),
                new CustomerServiceWindow(OTHER_CUSTOMER, BUSINESS, T.plus(Duration.ofHours(1))));
        assertThat(inbound().windowsSince(org, T.plus(Duration.ofHours(2)), 10)).hasSize(1);
        assertThat(inbound().windowsSince(org, T, 1)).hasSize(1);
        assertThat(messages().conversation(org, CUSTOMER, 10)).extracting(entry -> entry.message().createdAt())
                .containsExactly(T.plus(Duration.ofHours(3)), T);
        assertThat(messages().conversation(org, CUSTOMER, 1)).hasSize(1);
    }

    @Test
    void each_business_number_a_customer_wrote_to_has_a_window_of_its_own() {
        OrganizationId org = newOrganization();
        inbound().add(message(org, CUSTOMER, BUSINESS, T));
        inbound().add(message(org, CUSTOMER, OTHER_BUSINESS, T.plus(Duration.ofMinutes(5))));

        assertThat(inbound().windowsSince(org, T, 10)).containsExactly(
                new CustomerServiceWindow(CUSTOMER, OTHER_BUSINESS, T.plus(Duration.ofMinutes(5))),
                new CustomerServiceWindow(CUSTOMER, BUSINESS, T));
        assertThat(inbound().latestWindow(org, CUSTOMER)).hasValue(
                new CustomerServiceWindow(CUSTOMER, OTHER_BUSINESS, T.plus(Duration.ofMinutes(5))));
    }

    @Test
    void a_message_reads_back_as_an_incoming_message_of_its_organization() {
        OrganizationId org = newOrganization();
        InboundMessage sent = message(org, CUSTOMER, BUSINESS, T);
        inbound().add(sent);

        assertThat(messages().conversation(org, CUSTOMER, 10)).singleElement().satisfies(entry -> {
            MessageSummary message = entry.message();
            assertThat(entry.body()).isEqualTo(sent.body());
            assertThat(message.direction()).isEqualTo(Direction.INCOMING);
            assertThat(message.channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(message.from()).isEqualTo(CUSTOMER.e164());
            assertThat(message.to()).isEqualTo(BUSINESS.e164());
            assertThat(message.sid()).isEqualTo(sent.sid().value());
            assertThat(message.status()).isEqualTo(DeliveryStatus.RECEIVED);
            assertThat(message.createdAt()).isEqualTo(T);
            assertThat(messages().find(org, message.id())).hasValue(message);
        });
        assertThat(messages().conversation(newOrganization(), CUSTOMER, 10)).isEmpty();
        assertThat(messages().page(MessageFilter.all(org).withDirection(Direction.OUTGOING), Optional.empty(), 10))
                .isEmpty();
        assertThat(messages().page(MessageFilter.all(org).withDirection(Direction.INCOMING), Optional.empty(), 10))
                .extracting(MessageSummary::sid).containsExactly(sent.sid().value());
    }

    @Test
    void the_sms_conversation_of_a_number_is_not_its_whatsapp_conversation() {
        OrganizationId org = newOrganization();
        inbound().add(message(org, Address.sms(CUSTOMER.e164()), Address.sms(BUSINESS.e164()), T));

        assertThat(inbound().latestWindow(org, CUSTOMER)).isEmpty();
        assertThat(messages().conversation(org, CUSTOMER, 10)).isEmpty();
        assertThat(messages().conversation(org, Address.sms(CUSTOMER.e164()), 10)).hasSize(1);
    }

    @Test
    void a_sid_is_one_message_even_when_another_organization_claims_it() {
        OrganizationId org = newOrganization();
        OrganizationId other = newOrganization();
        InboundMessage first = message(org, CUSTOMER, BUSINESS, T);
        inbound().add(first);

        assertThat(inbound().add(new InboundMessage(other, first.sid(), CUSTOMER, BUSINESS, "forged", T)))
                .isFalse();
        assertThat(messages().conversation(other, CUSTOMER, 10)).isEmpty();
        assertThat(inbound().latestWindow(other, CUSTOMER)).isEmpty();
    }

    @Test
    void the_enforcement_is_off_until_the_organization_chooses_and_only_its_own() {
        OrganizationId org = newOrganization();
        OrganizationId other = newOrganization();
        assertThat(enforcements().of(org)).isEqualTo(WindowEnforcement.OFF);

        enforcements().set(org, WindowEnforcement.REFUSE);
        enforcements().set(org, WindowEnforcement.WARN);

        assertThat(enforcements().of(org)).isEqualTo(WindowEnforcement.WARN);
        assertThat(enforcements().of(other)).isEqualTo(WindowEnforcement.OFF);
    }

    protected static InboundMessage message(OrganizationId org, Address from, Address to, Instant at) {
        MessageSid sid = DeliveryStoreContract.randomSid();
        return new InboundMessage(org, sid, from, to, "hi " + sid.value().substring(30), at);
    }
}
