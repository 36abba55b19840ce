package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.StatusCallbackSignersContract;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.StatusCallbackSigners;
import dev.deliverytracker.application.port.out.Subscriptions;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresStatusCallbackSignersTest extends StatusCallbackSignersContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    JdbcSubscriptions store;

    @Autowired
    Organizations organizations;

    @Override
    protected StatusCallbackSigners signers() {
        return store;
    }

    @Override
    protected Subscriptions subscriptions() {
        return store;
    }

    @Override
    protected OrganizationId newOrganization() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        return organizations.ensure("org " + account, new TwilioAccountCredentials(account, "token", ""));
    }
}
