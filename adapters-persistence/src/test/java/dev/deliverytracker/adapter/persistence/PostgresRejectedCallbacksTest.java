package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.RejectedCallbacksContract;
import dev.deliverytracker.application.port.out.RejectedCallbacks;
import dev.deliverytracker.testsupport.TestDatabase;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The keeper of unreadable callbacks as the service wires it, read back the way docs/operations.md does. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresRejectedCallbacksTest extends RejectedCallbacksContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    RejectedCallbacks rejected;

    @Autowired
    JdbcClient jdbc;

    @Override
    protected RejectedCallbacks rejected() {
        return rejected;
    }

    @Override
    protected List<Rejection> keptAt(String url) {
        return jdbc.sql("""
                select account_sid, url, payload::text as payload, reason, received_at from rejected_callbacks
                where url = :url order by rejected_id
                """)
                .param("url", url)
                .query((row, index) -> new Rejection(row.getString("account_sid"), row.getString("url"),
                        PayloadJson.form(row.getString("payload")), row.getString("reason"),
                        row.getTimestamp("received_at").toInstant()))
                .list();
    }
}
