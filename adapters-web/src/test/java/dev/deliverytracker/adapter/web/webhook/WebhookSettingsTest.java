package dev.deliverytracker.adapter.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.deliverytracker.domain.MessageId;
import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    private static final MessageId ID = MessageId.of(42);

    @Test
    void the_public_base_url_is_kept_without_trailing_slashes() {
        WebhookSettings settings = new WebhookSettings(URI.create("https://tracker.example.com/hooks//"),
                "/twilio-status", 1024);

        assertThat(settings.publicBaseUrl()).hasToString("https://tracker.example.com/hooks");
    }

    @Test
    void a_plain_http_base_is_refused_unless_it_is_local() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WebhookSettings(URI.create("http://tracker.example.com"), "/twilio-status", 1024))
                .withMessageContaining("must use https");
        assertThat(new WebhookSettings(URI.create("http://localhost:8080/"), "/twilio-status", 1024).publicBaseUrl())
                .hasToString("http://localhost:8080");
    }

    @Test
    void a_path_that_is_not_a_plain_absolute_path_is_refused() {
        for (String path : new String[] {"twilio-status", "/twilio-status?x=1", "/twilio-status#rc=3", null}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new WebhookSettings(null, path, 1024))
                    .withMessageContaining("webhook path");
        }
    }

    @Test
    void the_callback_url_carries_base_path_our_id_and_twilios_connection_overrides() {
        WebhookSettings settings = new WebhookSettings(URI.create("https://tracker.example.com/hooks/"), "/status", 1024);

        assertThat(settings.callbackUrl(ID, () -> "http://localhost:1"))
                .isEqualTo("https://tracker.example.com/hooks/status?mid=" + ID
                        + "#rc=3&rp=5xx,ct,rt&ct=2000&rt=5000&tt=15000");
    }

    @Test
    void without_a_public_base_the_callback_url_is_local() {
        assertThat(WebhookSettings.behindProxyHeaders().callbackUrl(ID, () -> "http://localhost:8080"))
                .startsWith("http://localhost:8080/twilio-status?mid=" + ID + "#");
    }

    @Test
    void a_replayed_callback_is_checked_against_todays_base_with_its_own_query() {
        WebhookSettings settings = new WebhookSettings(URI.create("https://new.example.com"), "/twilio-status", 1024);

        assertThat(settings.currentUrl("https://old.example.com/proxy/twilio-status?mid=7&x=%20"))
                .isEqualTo("https://new.example.com/twilio-status?mid=7&x=%20");
        assertThat(WebhookSettings.behindProxyHeaders().currentUrl("https://old.example.com/twilio-status?mid=7"))
                .as("without a public base the URL it was received at stays")
                .isEqualTo("https://old.example.com/twilio-status?mid=7");
    }
}
