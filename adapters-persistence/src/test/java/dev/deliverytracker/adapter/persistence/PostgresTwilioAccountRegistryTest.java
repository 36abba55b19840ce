package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.fake.TwilioAccountRegistryContract;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.application.port.out.TwilioAccountRegistry;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class PostgresTwilioAccountRegistryTest extends TwilioAccountRegistryContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    TwilioAccountRegistry registry;

    @Autowired
    TwilioAccounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    OrganizationDirectory directory;

    @Override
    protected TwilioAccountRegistry registry() {
        return registry;
    }

    @Override
    protected OrganizationId newOrganization() {
        return directory.create("registry-" + UUID.randomUUID(), Instant.now()).orElseThrow().id();
    }

    @Override
    protected OrganizationId organizationConfiguredWith(AccountSid sid) {
        return organizations.ensure("org " + sid, new TwilioAccountCredentials(sid, "settings-token", ""));
    }

    /** What verifies is what the callback check reads: the accounts as {@link TwilioAccounts} finds them. */
    @Override
    protected List<String> tokensOf(AccountSid sid) {
        return accounts.findBySid(sid).map(TwilioAccount::authTokens).orElse(List.of());
    }
}
