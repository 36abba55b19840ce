package dev.deliverytracker.adapter.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    @Test
    void the_public_base_url_is_kept_without_trailing_slashes() {
        WebhookSettings settings = new WebhookSettings(URI.create("https://tracker.example.com/hooks//"), 1024);

        assertThat(settings.publicBaseUrl()).hasToString("https://tracker.example.com/hooks");
    }

    @Test
    void a_plain_http_base_is_refused_unless_it_is_local() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WebhookSettings(URI.create("http://tracker.example.com"), 1024))
                .withMessageContaining("must use https");
        assertThat(new WebhookSettings(URI.create("http://localhost:8080/"), 1024).publicBaseUrl())
                .hasToString("http://localhost:8080");
    }
}
