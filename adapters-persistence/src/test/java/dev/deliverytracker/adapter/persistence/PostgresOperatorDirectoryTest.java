package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.OperatorDirectoryContract;
import dev.deliverytracker.application.port.out.OperatorAccounts;
import dev.deliverytracker.application.port.out.OperatorDirectory;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresOperatorDirectoryTest extends OperatorDirectoryContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    OperatorDirectory directory;

    @Autowired
    OperatorAccounts operatorAccounts;

    @Autowired
    Organizations organizations;

    @Override
    protected OperatorDirectory directory() {
        return directory;
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
