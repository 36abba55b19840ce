package dev.deliverytracker.adapter.web.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.adapter.web.outbound.WebhookAlertNotifier;
import dev.deliverytracker.application.fake.RecordingAlertNotifier;
import dev.deliverytracker.application.port.out.AlertNotifier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WebhookAlertNotifierAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebhookAlertNotifierAutoConfiguration.class));

    @Test
    void on_the_class_path_alerts_go_to_the_rules_webhooks() {
        context.run(app -> assertThat(app.getBean(AlertNotifier.class)).isInstanceOf(WebhookAlertNotifier.class));
    }

    @Test
    void another_notifier_of_the_application_wins() {
        context.withBean(AlertNotifier.class, RecordingAlertNotifier::new)
                .run(app -> assertThat(app.getBean(AlertNotifier.class)).isInstanceOf(RecordingAlertNotifier.class));
    }

    @Test
    void another_notifier_chosen_by_setting_switches_it_off() {
        context.withPropertyValues("tracker.alerts.notifier=kafka")
                .run(app -> assertThat(app).doesNotHaveBean(AlertNotifier.class));
    }

    @Test
    void a_timeout_out_of_range_is_refused_at_start_naming_the_setting() {
        context.withPropertyValues("tracker.alerts.webhook-timeout=0s").run(app -> assertThat(app).hasFailed()
                .getFailure().rootCause().hasMessageContaining("webhook timeout must be positive"));
    }
}
