package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.RefusedCallbacksContract;
import dev.deliverytracker.application.port.out.RefusedCallbacks;
import dev.deliverytracker.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The quarantine as the service wires it; its cap and age limit are in {@link JdbcRefusedCallbacksTest}. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresRefusedCallbacksTest extends RefusedCallbacksContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    RefusedCallbacks quarantine;

    @Override
    protected RefusedCallbacks quarantine() {
        return quarantine;
    }
}
