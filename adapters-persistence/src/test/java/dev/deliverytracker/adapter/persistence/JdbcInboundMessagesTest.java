package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.WindowEnforcement;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.CustomerServiceWindow;
import dev.deliverytracker.domain.InboundMessage;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class JdbcInboundMessagesTest {

    private static final Instant T = Instant.parse("2026-11-24T12:00:00Z");
    private static final Address CUSTOMER = Address.whatsapp("+31612345678");
    private static final Address OTHER_CUSTOMER = Address.whatsapp("+31687654321");
    private static final Address BUSINESS = Address.whatsapp("+14155238886");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    JdbcInboundMessages inbound;

    @Autowired
    Organizations organizations;

    @Test
    void a_message_is_stored_once_and_the_window_is_the_customer_s_latest_message_of_the_organization() {
        OrganizationId org = organization();
        OrganizationId other = organization();
        InboundMessage first = message(org, CUSTOMER, T);

        assertThat(inbound.add(first)).isTrue();
        assertThat(inbound.add(first)).as("Twilio's duplicate").isFalse();
        inbound.add(message(org, CUSTOMER, T.plus(Duration.ofHours(3))));
        inbound.add(message(org, OTHER_CUSTOMER, T.plus(Duration.ofHours(1))));
        inbound.add(message(other, CUSTOMER, T.plus(Duration.ofHours(9))));

        assertThat(inbound.latestWindow(org, CUSTOMER)).hasValue(new CustomerServiceWindow(CUSTOMER, BUSINESS,
                T.plus(Duration.ofHours(3))));
        assertThat(inbound.latestWindow(org, Address.whatsapp("+31600000000"))).isEmpty();
        assertThat(inbound.latestWindow(org, CUSTOMER, BUSINESS)).hasValue(new CustomerServiceWindow(CUSTOMER, BUSINESS,
                T.plus(Duration.ofHours(3))));
        assertThat(inbound.latestWindow(org, CUSTOMER, Address.whatsapp("+14155550000")))
                .as("a number the customer never wrote to").isEmpty();
        assertThat(inbound.windowsSince(org, T, 10)).containsExactly(
                new CustomerServiceWindow(CUSTOMER, BUSINESS, T.plus(Duration.ofHours(3))),
                new CustomerServiceWindow(OTHER_CUSTOMER, BUSINESS, T.plus(Duration.ofHours(1))));
        assertThat(inbound.windowsSince(org, T.plus(Duration.ofHours(2)), 10)).hasSize(1);
        assertThat(inbound.from(org, CUSTOMER, 10)).extracting(InboundMessage::receivedAt)
                .containsExactly(T.plus(Duration.ofHours(3)), T);
        assertThat(inbound.from(org, CUSTOMER, 1)).hasSize(1);
    }

    @Test
    void the_enforcement_is_off_until_the_organization_chooses() {
        OrganizationId org = organization();
        assertThat(inbound.of(org)).isEqualTo(WindowEnforcement.OFF);
        inbound.set(org, WindowEnforcement.REFUSE);
        inbound.set(org, WindowEnforcement.WARN);
        assertThat(inbound.of(org)).isEqualTo(WindowEnforcement.WARN);
    }

    private OrganizationId organization() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        return organizations.ensure("org " + account, new TwilioAccountCredentials(account, "t", ""));
    }

    private static InboundMessage message(OrganizationId org, Address from, Instant at) {
        return new InboundMessage(org, DeliveryStoreContract.randomSid(), from, BUSINESS, "hi", at);
    }
}
