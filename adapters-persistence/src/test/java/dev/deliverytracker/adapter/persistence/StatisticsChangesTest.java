package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.testsupport.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a statement on {@code messages} leaves for the statistics (V42): one change row per rollup key
 * whose count it moved, with the net change, whoever wrote it and however many rows it touched.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class StatisticsChangesTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void one_statement_moving_many_messages_leaves_one_net_change_per_key() {
        long org = organization();
        jdbc.sql("""
                insert into messages (org_id, channel, to_address, from_address, body, status, created_at)
                select :org, 'sms', '+3161200000' || n, '+15550001', 'hi', 'queued', timestamptz '2026-12-03 10:15Z'
                from generate_series(1, 40) as n
                """).param("org", org).update();
        assertThat(changes(org)).containsExactly("queued 0 +40");

        jdbc.sql("update messages set status = 'delivered', sent_at = created_at, delivered_at = created_at "
                + "+ interval '3 seconds' where org_id = :org and to_address <> '+31612000001'").param("org", org).update();
        assertThat(changes(org)).containsExactlyInAnyOrder("queued 0 +40", "queued 0 -39", "delivered 85 +39");

        jdbc.sql("update messages set attempts = attempts + 1, updated_at = now() where org_id = :org")
                .param("org", org).update();
        assertThat(changes(org)).as("a statement that moves no count leaves nothing")
                .containsExactlyInAnyOrder("queued 0 +40", "queued 0 -39", "delivered 85 +39");

        jdbc.sql("delete from messages where org_id = :org and status = 'delivered'").param("org", org).update();
        assertThat(sums(org)).containsExactly("queued 1");
    }

    /** The change rows of this organization as "status delivery-bucket ±n". */
    private List<String> changes(long org) {
        return jdbc.sql("""
                select status || ' ' || coalesce(delivery_bucket, 0) || ' ' || case when change > 0 then '+' else '' end
                    || change from message_stats_changes where org_id = :org
                """).param("org", org).query(String.class).list();
    }

    /** What the rollup will count once it folds the changes. */
    private List<String> sums(long org) {
        return jdbc.sql("""
                select status || ' ' || sum(change) from message_stats_changes where org_id = :org
                group by status having sum(change) <> 0
                """).param("org", org).query(String.class).list();
    }

    private long organization() {
        AccountSid own = DeliveryStoreContract.randomAccount();
        return organizations.ensure("stats " + own, new TwilioAccountCredentials(own, "token", "")).value();
    }
}
