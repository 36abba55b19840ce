package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.SendBudgetsContract;
import dev.deliverytracker.application.port.out.SendBudgets;
import dev.deliverytracker.testsupport.TestDatabase;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Bucket4j on PostgreSQL; what only several instances can show is in {@link RateLimitsInPostgresTest}. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresSendBudgetsTest extends SendBudgetsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    DataSource dataSource;

    @Override
    protected SendBudgets budgets(Clock clock) {
        return new Bucket4jSendBudgets(dataSource, clock);
    }
}
