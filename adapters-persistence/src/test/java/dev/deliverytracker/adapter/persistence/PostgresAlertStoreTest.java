package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.AlertStoreContract;
import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.out.AlertHistory;
import dev.deliverytracker.application.port.out.AlertRules;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresAlertStoreTest extends AlertStoreContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    AlertRules alertRules;

    @Autowired
    AlertHistory alertHistory;

    @Autowired
    Organizations organizations;

    @Override
    protected AlertRules rules() {
        return alertRules;
    }

    @Override
    protected AlertHistory history() {
        return alertHistory;
    }

    @Override
    protected OrganizationId newOrganization() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        return organizations.ensure("org " + account, new TwilioAccountCredentials(account, "token", ""));
    }
}
