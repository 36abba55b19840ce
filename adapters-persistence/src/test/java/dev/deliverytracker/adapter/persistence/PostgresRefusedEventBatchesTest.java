package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.RefusedEventBatchesContract;
import dev.deliverytracker.application.port.out.RefusedEventBatches;
import dev.deliverytracker.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The quarantine of refused batches as the service wires it; its cap, age limit and cut bodies are its own test's. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresRefusedEventBatchesTest extends RefusedEventBatchesContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    RefusedEventBatches quarantine;

    @Override
    protected RefusedEventBatches quarantine() {
        return quarantine;
    }
}
