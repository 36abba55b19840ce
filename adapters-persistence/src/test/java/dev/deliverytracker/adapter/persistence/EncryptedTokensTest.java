package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.testsupport.TestDatabase;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class EncryptedTokensTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    OrganizationJpaRepository rows;

    @Autowired
    JdbcClient jdbc;

    @Test
    void with_a_key_the_tokens_are_stored_encrypted_and_still_verify_callbacks() {
        JpaOrganizations organizations = new JpaOrganizations(rows, Clock.systemUTC(),
                TokenCipher.withKey(Base64.getEncoder().encodeToString(new byte[32])));
        AccountSid account = DeliveryStoreContract.randomAccount();
        organizations.ensure("sealed", new TwilioAccountCredentials(account, "new-token", "old-token"));

        String stored = jdbc.sql("select twilio_auth_token || ' ' || twilio_previous_auth_token from organizations "
                + "where twilio_account_sid = :sid").param("sid", account.value()).query(String.class).single();
        assertThat(stored).doesNotContain("new-token").doesNotContain("old-token").contains("v1:");
        assertThat(organizations.findBySid(account).orElseThrow().authTokens())
                .containsExactly("new-token", "old-token");
    }
}
