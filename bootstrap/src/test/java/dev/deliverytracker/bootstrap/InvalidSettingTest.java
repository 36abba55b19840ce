package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.adapter.web.webhook.WebhookSettings;
import java.net.URI;
import java.util.List;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

class InvalidSettingTest {

    @Test
    void a_refused_value_is_reported_with_the_setting_that_carried_it() {
        assertThatThrownBy(() -> InvalidSetting.building("tracker.webhook.public-base-url (PUBLIC_BASE_URL)",
                () -> new WebhookSettings(URI.create("http://tracker.example.com"), "/twilio-status", 1024)))
                .isInstanceOfSatisfying(InvalidSetting.class, invalid -> {
                    assertThat(invalid.setting()).isEqualTo("tracker.webhook.public-base-url (PUBLIC_BASE_URL)");
                    assertThat(invalid).hasMessage("tracker.webhook.public-base-url (PUBLIC_BASE_URL): public base URL "
                            + "must use https (Twilio posts statuses over the internet; http is only for localhost), "
                            + "was http://tracker.example.com");
                });
    }

    @Test
    void an_accepted_value_is_built_untouched() {
        assertThat(InvalidSetting.building("tracker.webhook.*", WebhookSettings::behindProxyHeaders).path())
                .isEqualTo("/twilio-status");
    }

    @Test
    void spring_boots_start_failure_report_names_the_setting_however_deep_the_bean_failure_wraps_it() {
        // Spring Boot's own analyzers that need a bean factory are left out; ours needs none.
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
                .load(FailureAnalyzer.class, FailureHandler.logging(LogFactory.getLog(getClass())));
        Throwable startFailure = new BeanCreationException("pacingPolicy", "Failed to instantiate",
                new InvalidSetting("tracker.pacing.*", "rate must be positive, was 0", new IllegalArgumentException()));

        FailureAnalysis analysis = analyzers.stream().map(analyzer -> analyzer.analyze(startFailure))
                .filter(found -> found != null).findFirst().orElseThrow();

        assertThat(analysis.getDescription()).isEqualTo("Invalid setting tracker.pacing.*: rate must be positive, was 0");
        assertThat(analysis.getAction()).startsWith("Change tracker.pacing.* ");
    }
}
