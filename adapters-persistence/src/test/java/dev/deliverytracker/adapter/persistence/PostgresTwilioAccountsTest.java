package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.TwilioAccountsContract;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresTwilioAccountsTest extends TwilioAccountsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    Organizations organizations;

    @Autowired
    TwilioAccounts accounts;

    @Override
    protected Organizations organizations() {
        return organizations;
    }

    @Override
    protected TwilioAccounts accounts() {
        return accounts;
    }
}
