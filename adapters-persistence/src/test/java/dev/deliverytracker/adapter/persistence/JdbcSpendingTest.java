package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.SpendGrouping;
import dev.deliverytracker.application.port.SpendLine;
import dev.deliverytracker.application.port.SpendQuery;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.Spending;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.application.port.out.MessageCharges;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Charge;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Spend sums on PostgreSQL, each test in an organization of its own. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class JdbcSpendingTest {

    private static final Instant DAY = Instant.parse("2026-05-01T00:00:00Z");
    private static final TimeRange RANGE = new TimeRange(DAY, DAY.plusSeconds(86_400));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    Spending spending;

    @Autowired
    MessageCharges charges;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    private final AccountSid account = DeliveryStoreContract.randomAccount();
    private OrganizationId organization() {
        return organizations.ensure("spend " + account, new TwilioAccountCredentials(account, "token", ""));
    }

    @Test
    void spend_is_summed_per_channel_with_failures_apart_and_unpriced_messages_counted_on_their_own() {
        OrganizationId org = organization();
        priced(message(org, "whatsapp", "delivered", null, "{}", DAY.plusSeconds(60)), 1, "-0.00500");
        priced(message(org, "sms", "delivered", null, "{}", DAY.plusSeconds(60)), 2, "-0.01580");
        priced(message(org, "sms", "undelivered", null, "{}", DAY.plusSeconds(60)), 1, "-0.00790");
        message(org, "sms", "sent", null, "{}", DAY.plusSeconds(60));
        priced(message(org, "sms", "delivered", null, "{}", DAY.minusSeconds(1)), 1, "-1.00000");

        List<SpendLine> lines = spending.lines(new SpendQuery(org, RANGE, new SpendGrouping.ByChannel()));

        assertThat(lines).extracting(line -> line.key().orElse(null),
                line -> line.currency().map(c -> c.getCurrencyCode()).orElse(null), SpendLine::messages,
                SpendLine::segments, line -> line.spent().toPlainString(),
                line -> line.spentOnFailures().toPlainString())
                .containsExactly(
                        tuple("sms", "USD", 2L, 3L, "0.02370", "0.00790"),
                        tuple("whatsapp", "USD", 1L, 1L, "0.00500", "0"),
                        tuple("sms", null, 1L, 0L, "0", "0"));
    }

    @Test
    void spend_by_sender_and_by_campaign_tag() {
        OrganizationId org = organization();
        priced(message(org, "sms", "delivered", "+15005550006", "{\"campaign\":\"spring\"}", DAY), 1, "-0.00790");
        priced(message(org, "sms", "delivered", null, "{\"campaign\":\"spring\"}", DAY), 1, "-0.00790");
        priced(message(org, "sms", "delivered", null, "{}", DAY), 1, "-0.00790");

        assertThat(spending.lines(new SpendQuery(org, RANGE, new SpendGrouping.BySender())))
                .extracting(line -> line.key().orElse(null), SpendLine::messages)
                .containsExactlyInAnyOrder(tuple("default", 2L), tuple("+15005550006", 1L));
        assertThat(spending.lines(new SpendQuery(org, RANGE, new SpendGrouping.ByTag("campaign"))))
                .extracting(line -> line.key().orElse(null), SpendLine::messages,
                        line -> line.spent().toPlainString())
                .containsExactly(tuple("spring", 2L, "0.01580"), tuple(null, 1L, "0.00790"));
        assertThat(spending.lines(new SpendQuery(org, RANGE, new SpendGrouping.Total())))
                .singleElement().satisfies(total -> {
                    assertThat(total.key()).isEqualTo(Optional.empty());
                    assertThat(total.spent()).isEqualByComparingTo("0.02370");
                });
    }

    @Test
    void another_organizations_spend_is_never_counted() {
        OrganizationId org = organization();
        OrganizationId other = organizations.ensure("spend other " + account,
                new TwilioAccountCredentials(DeliveryStoreContract.randomAccount(), "token", ""));
        priced(message(other, "sms", "delivered", null, "{}", DAY), 1, "-0.00790");

        assertThat(spending.lines(new SpendQuery(org, RANGE, new SpendGrouping.Total()))).isEmpty();
    }

    private void priced(MessageId id, int segments, String price) {
        charges.record(id, new MessageFacts(segments, Charge.fromProvider(price, "USD"), null), Instant.now());
    }

    // Test set-up only: messages straight in their status, created at a chosen time.
    private MessageId message(OrganizationId organization, String channel, String status, String from, String tags,
            Instant createdAt) {
        return MessageId.of(jdbc.sql("""
                insert into messages (org_id, channel, to_address, from_address, body, whatsapp_msg_sid, status,
                    tags, created_at, updated_at)
                values (:org, :channel, '+31612345678', :from, 'hi', :sid, :status, cast(:tags as jsonb), :at, :at)
                returning message_id
                """)
                .param("org", organization.value()).param("channel", channel).param("from", from)
                .param("sid", DeliveryStoreContract.randomSid().value()).param("status", status).param("tags", tags)
                .param("at", Timestamp.from(createdAt))
                .query(Long.class).single());
    }
}
