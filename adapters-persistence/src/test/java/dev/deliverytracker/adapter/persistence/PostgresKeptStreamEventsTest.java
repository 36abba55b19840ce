package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.KeptStreamEventsContract;
import dev.deliverytracker.application.port.out.KeptStreamEvents;
import dev.deliverytracker.application.port.out.KeptStreamEvents.Disposition;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Kept Event Streams events as the service wires them, read back the way docs/event-streams.md does. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresKeptStreamEventsTest extends KeptStreamEventsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    KeptStreamEvents kept;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    @Override
    protected KeptStreamEvents kept() {
        return kept;
    }

    @Override
    protected OrganizationId newOrganization() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        return organizations.ensure("org " + account, new TwilioAccountCredentials(account, "t", ""));
    }

    @Override
    protected List<KeptEvent> keptFor(OrganizationId organization) {
        return jdbc.sql("""
                select account_sid, event_id, type, disposition, reason, event::text as event, received_at
                from stream_events_kept where org_id = :org order by received_at, kept_id
                """)
                .param("org", organization.value())
                .query((row, index) -> new KeptEvent(AccountSid.of(row.getString("account_sid")),
                        row.getString("event_id"), row.getString("type"),
                        Disposition.valueOf(row.getString("disposition").toUpperCase(Locale.ROOT)),
                        row.getString("reason"), row.getString("event"), row.getTimestamp("received_at").toInstant()))
                .list();
    }
}
