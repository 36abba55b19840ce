package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.ContentSid;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.MessagingServiceSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.testsupport.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The group-commit writer reads and writes messages without Hibernate: what it reads must be the
 * message JPA reads, and what it writes must be what JPA then finds, column for column.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class MessageStateRowsTest {

    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00.123456Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    MessageStateRows rows;

    @Autowired
    StoredMessages messages;

    @Autowired
    Organizations organizations;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void reads_a_message_as_jpa_does_and_writes_back_every_state_column() {
        OrganizationId org = organizations.ensure("rows",
                new TwilioAccountCredentials(DeliveryStoreContract.randomAccount(), "t", ""));
        Message template = messages.add(Message.pending(org, Address.whatsapp("+31612345678"),
                new Sender.Service(MessagingServiceSid.of("MG" + "0".repeat(32))),
                new MessageContent.Template(ContentSid.of("HX" + "1".repeat(32)), Map.of("1", "Ada", "2", "12:00")),
                Map.of("campaign", "winter", "team", "ops"), Optional.of("key-1"), T0));
        Message text = messages.add(Message.pending(org, Address.sms("+31612345679"), Sender.organizationDefault(),
                new MessageContent.Text("hi"), Map.of(), Optional.empty(), T0));
        MessageSid sid = DeliveryStoreContract.randomSid();

        Message written = transactions.execute(status -> {
            List<MessageRow> locked = rows.lock(List.of(template.id().get().value(), text.id().get().value()),
                    List.of());
            assertThat(locked).extracting(row -> row.id)
                    .containsExactly(template.id().get().value(), text.id().get().value());
            assertThat(MessageMapping.toDomain(locked.get(0))).isEqualTo(messages.find(template.id().get()).get());
            assertThat(MessageMapping.toDomain(locked.get(1))).isEqualTo(messages.find(text.id().get()).get());

            Message failed = MessageMapping.toDomain(locked.get(0)).acceptedAs(sid)
                    .apply(DeliveryEvent.of(sid, DeliveryStatus.SENT, DeliveryError.NONE, EventSource.CALLBACK,
                            T0.plusSeconds(1)))
                    .apply(DeliveryEvent.of(sid, DeliveryStatus.UNDELIVERED,
                            DeliveryError.of(63016, "outside the allowed window"), EventSource.CALLBACK,
                            T0.plusSeconds(2)));
            MessageMapping.copyState(failed, locked.get(0), T0.plusSeconds(3));
            rows.writeState(List.of(locked.get(0)));
            return failed;
        });

        Message found = messages.find(template.id().get()).orElseThrow();
        assertThat(found).isEqualTo(written);
        assertThat(found.status()).isEqualTo(DeliveryStatus.UNDELIVERED);
        assertThat(found.error()).isEqualTo(DeliveryError.of(63016, "outside the allowed window"));
        assertThat(found.sid()).contains(sid);
        assertThat(messages.find(text.id().get()).orElseThrow()).isEqualTo(text);

        List<MessageRow> bySid = transactions.execute(status -> rows.lock(List.of(), List.of(sid.value())));
        assertThat(bySid).extracting(row -> row.id).containsExactly(template.id().get().value());
    }
}
