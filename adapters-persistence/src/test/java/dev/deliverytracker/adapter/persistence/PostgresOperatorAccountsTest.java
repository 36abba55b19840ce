package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.OperatorAccountsContract;
import dev.deliverytracker.application.port.OperatorAccount;
import dev.deliverytracker.application.port.out.OperatorAccounts;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresOperatorAccountsTest extends OperatorAccountsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    OperatorAccounts operatorAccounts;

    @Autowired
    Organizations organizations;

    /** Instances that start together configure the same operators: every save must land, none fail. */
    @Test
    void the_same_new_operator_saved_by_several_instances_at_once_is_stored_once() throws Exception {
        String name = "together-" + UUID.randomUUID().toString().substring(0, 8);
        OrganizationId org = newOrganization("org of " + name);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                saves.add(threads.submit(() -> {
                    start.await();
                    operatorAccounts.save(new OperatorAccount(name, "{noop}same", OperatorRole.ADMIN, Set.of(org)));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> save : saves) {
                save.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(operatorAccounts.find(name)).contains(
                new OperatorAccount(name, "{noop}same", OperatorRole.ADMIN, Set.of(org)));
    }

    @Override
    protected OperatorAccounts accounts() {
        return operatorAccounts;
    }

    @Override
    protected OrganizationId newOrganization(String name) {
        return organizations.ensure(name,
                new TwilioAccountCredentials(DeliveryStoreContract.randomAccount(), "token", ""));
    }
}
