package dev.deliverytracker.adapter.web.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.adapter.web.outbound.HttpNotificationSender;
import dev.deliverytracker.application.fake.ScriptedNotificationSender;
import dev.deliverytracker.application.port.out.NotificationSender;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The sender binds its own part of tracker.notifications.*: one owner of each default and check. */
class NotificationSenderAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(NotificationSenderAutoConfiguration.class));

    @Test
    void without_settings_the_sender_takes_the_defaults_the_readme_gives() {
        context.run(app -> {
            NotificationSender sender = app.getBean(NotificationSender.class);
            assertThat(sender).isInstanceOf(HttpNotificationSender.class);
            assertThat(sender.longestExchange()).isEqualTo(Duration.ofSeconds(15));
            assertThat(sender.postsPerReceiver()).isEqualTo(64);
        });
    }

    @Test
    void the_settings_are_read_under_their_names() {
        context.withPropertyValues("tracker.notifications.connect-timeout=1s",
                "tracker.notifications.answer-timeout=2s", "tracker.notifications.per-subscription=8")
                .run(app -> {
                    NotificationSender sender = app.getBean(NotificationSender.class);
                    assertThat(sender.longestExchange()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(sender.postsPerReceiver()).isEqualTo(8);
                });
    }

    @Test
    void a_wrong_value_stops_the_start_naming_its_setting() {
        context.withPropertyValues("tracker.notifications.per-subscription=0").run(app -> assertThat(app).hasFailed()
                .getFailure().rootCause().hasMessage("tracker.notifications.per-subscription must be 1 to 1000, was 0"));
        context.withPropertyValues("tracker.notifications.connect-timeout=0s").run(app -> assertThat(app).hasFailed()
                .getFailure().rootCause().hasMessage("tracker.notifications.connect-timeout must be positive, was PT0S"));
        context.withPropertyValues("tracker.notifications.sender-threads=300").run(app -> assertThat(app).hasFailed()
                .getFailure().rootCause().hasMessage("tracker.notifications.sender-threads must be 1 to 256, was 300"));
    }

    @Test
    void a_sender_of_the_application_wins() {
        context.withBean(NotificationSender.class, ScriptedNotificationSender::new)
                .run(app -> assertThat(app.getBean(NotificationSender.class)).isInstanceOf(ScriptedNotificationSender.class));
    }
}
