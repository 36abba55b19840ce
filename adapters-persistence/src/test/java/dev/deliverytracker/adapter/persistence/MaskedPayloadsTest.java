package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.DeliveryStoreContract;
import dev.deliverytracker.application.port.StatusCallback;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.RejectedCallbacks;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.EventSource;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.testsupport.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With masking on, no stored payload keeps a full phone number: neither the log nor rejected callbacks. */
@SpringBootTest(classes = {PersistenceTestApplication.class, MaskedPayloadsTest.MaskingOn.class})
class MaskedPayloadsTest {

    @TestConfiguration
    static class MaskingOn {
        @Bean
        PayloadSettings payloadSettings() {
            return new PayloadSettings(true);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    DeliveryLog log;

    @Autowired
    RejectedCallbacks rejected;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    private final AccountSid account = DeliveryStoreContract.randomAccount();

    @Test
    void a_callbacks_phone_numbers_are_masked_in_the_log() {
        OrganizationId org = organizations.ensure("org " + account, new TwilioAccountCredentials(account, "t", ""));
        MessageSid sid = DeliveryStoreContract.randomSid();
        log.append(new ReportedEvent(DeliveryEvent.of(sid, DeliveryStatus.SENT, DeliveryError.NONE, EventSource.CALLBACK,
                Instant.now()), MessageLookup.bySid(), org, account,
                Map.of("To", List.of("+31612345678"), "From", List.of("+15005550006"),
                        "MessageStatus", List.of("sent")), ""));

        String payload = jdbc.sql("select provider_payload::text from message_delivery_log where provider_sid = :sid")
                .param("sid", sid.value()).query(String.class).single();
        assertThat(payload).contains("\"To\": \"+31*******78\"").contains("\"From\": \"+15*******06\"")
                .contains("\"MessageStatus\": \"sent\"").doesNotContain("612345678");
    }

    @Test
    void a_rejected_callbacks_phone_numbers_are_masked() {
        rejected.keep(new StatusCallback("https://tracker.example.com/twilio-status",
                Map.of("AccountSid", List.of(account.value()), "To", List.of("whatsapp:+31612345678")), "sig", "",
                Instant.now()), "masked " + account);

        String payload = jdbc.sql("select payload::text from rejected_callbacks where reason = :reason")
                .param("reason", "masked " + account).query(String.class).single();
        assertThat(payload).contains("whatsapp:+31*******78").doesNotContain("612345678");
    }
}
