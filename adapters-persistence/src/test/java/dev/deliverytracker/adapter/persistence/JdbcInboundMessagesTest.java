package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.InboundMessagesContract;
import dev.deliverytracker.application.port.out.InboundMessages;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.application.port.out.WindowEnforcements;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class JdbcInboundMessagesTest extends InboundMessagesContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    JdbcInboundMessages inbound;

    @Autowired
    JdbcMessageQueries messages;

    @Autowired
    Organizations organizations;

    @Override
    protected InboundMessages inbound() {
        return inbound;
    }

    @Override
    protected WindowEnforcements enforcements() {
        return inbound;
    }

    @Override
    protected MessageQueries messages() {
        return messages;
    }

    @Override
    protected OrganizationId newOrganization() {
        AccountSid account = DeliveryStoreContract.randomAccount();
        return organizations.ensure("org " + account, new TwilioAccountCredentials(account, "t", ""));
    }
}
