package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.adapter.web.autoconfigure.WebAdapterSettingsAutoConfiguration;
import dev.deliverytracker.application.port.InvalidSetting;
import java.util.List;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** The service's one report of a refused setting, whichever module refused it (how it is built: application's test). */
class InvalidSettingTest {

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

    @Test
    void a_setting_an_adapter_refuses_in_its_own_auto_configuration_gets_the_same_report() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WebAdapterSettingsAutoConfiguration.class))
                .withPropertyValues("tracker.webhook.public-base-url=http://tracker.example.com")
                .run(app -> {
                    FailureAnalysis analysis = analyzers().stream()
                            .map(analyzer -> analyzer.analyze(app.getStartupFailure()))
                            .filter(found -> found != null).findFirst().orElseThrow();
                    assertThat(analysis.getDescription()).isEqualTo("Invalid setting tracker.webhook.public-base-url "
                            + "(PUBLIC_BASE_URL): public base URL must use https (Twilio posts statuses over the "
                            + "internet; http is only for localhost), was http://tracker.example.com");
                    assertThat(analysis.getAction()).startsWith("Change tracker.webhook.public-base-url (PUBLIC_BASE_URL) ");
                });
    }

    private List<FailureAnalyzer> analyzers() {
        return SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
                .load(FailureAnalyzer.class, FailureHandler.logging(LogFactory.getLog(getClass())));
    }
}
