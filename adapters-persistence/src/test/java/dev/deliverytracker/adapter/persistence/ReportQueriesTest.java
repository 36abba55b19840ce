package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The report queries of docs/adopting.md, run as written: the latest event to arrive is not the true
 * status when callbacks come out of order; {@code messages.status} is.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class ReportQueriesTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    StoredMessages messages;

    @Autowired
    DeliveryLog log;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    private final AccountSid account = DeliveryStoreContract.randomAccount();

    @Test
    void the_latest_to_arrive_says_sent_while_the_message_is_delivered() throws IOException {
        OrganizationId org = organizations.ensure("org " + account, new TwilioAccountCredentials(account, "token", ""));
        MessageSid sid = DeliveryStoreContract.randomSid();
        MessageId id = messages.add(Message.pending(org, Address.sms("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("hi"), Map.of(), Optional.empty(), Instant.now())).id().orElseThrow();
        log.accepted(id, DeliveryEvent.of(sid, DeliveryStatus.QUEUED, DeliveryError.NONE, EventSource.SEND_RESPONSE,
                Instant.now()));
        callback(org, id, sid, DeliveryStatus.DELIVERED);
        callback(org, id, sid, DeliveryStatus.SENT);

        List<String> queries = sqlBlocks(Files.readString(Path.of("..", "docs", "adopting.md")));
        assertThat(queries).as("the two report queries of the guide").hasSize(2);

        assertThat(statusOf(queries.get(0), id)).as(queries.get(0)).isEqualTo("sent");
        assertThat(statusOf(queries.get(1), id)).as(queries.get(1)).isEqualTo("delivered");
    }

    private void callback(OrganizationId org, MessageId id, MessageSid sid, DeliveryStatus status) {
        log.append(new ReportedEvent(DeliveryEvent.of(sid, status, DeliveryError.NONE, EventSource.CALLBACK,
                Instant.now()), MessageLookup.byId(id), org, account, Map.of(), ""));
    }

    private String statusOf(String query, MessageId id) {
        return jdbc.sql(query).query((row, index) -> row.getLong("message_id") == id.value() ? row.getString("status")
                : null).list().stream().filter(status -> status != null).findFirst().orElseThrow();
    }

    private static List<String> sqlBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (matcher.find()) {
            blocks.add(matcher.group(1).strip().replaceAll(";$", ""));
        }
        return blocks;
    }
}
