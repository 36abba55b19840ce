package dev.deliverytracker.adapter.web.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.adapter.web.dashboard.DashboardSettings;
import dev.deliverytracker.adapter.web.eventstreams.EventStreamsSettings;
import dev.deliverytracker.adapter.web.webhook.SourceAddressRefusalBudget;
import dev.deliverytracker.adapter.web.webhook.WebhookSettings;
import dev.deliverytracker.application.port.InvalidSetting;
import dev.deliverytracker.application.port.out.RefusalBudget;
import java.net.URI;
import java.time.Duration;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The web adapter binds its own settings: the defaults the README gives, and a refused value named. */
class WebAdapterSettingsAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebAdapterSettingsAutoConfiguration.class));

    @Test
    void without_settings_the_defaults_hold() {
        context.run(app -> {
            WebhookSettings webhook = app.getBean(WebhookSettings.class);
            assertThat(webhook.path()).isEqualTo("/twilio-status");
            assertThat(webhook.maxBodyBytes()).isEqualTo(65536);
            assertThat(webhook.publicBaseUrl()).isNull();
            assertThat(app.getBean(DashboardSettings.class))
                    .isEqualTo(new DashboardSettings("/twilio-status", 5, Duration.ofMinutes(15)));
            assertThat(app.getBean(EventStreamsSettings.class)).isEqualTo(EventStreamsSettings.defaults());
            assertThat(app.getBean(RefusalBudget.class)).isInstanceOf(SourceAddressRefusalBudget.class);
        });
    }

    @Test
    void the_settings_are_read_under_their_names() {
        context.withPropertyValues("tracker.webhook.path=/hooks/twilio", "tracker.webhook.max-body-bytes=2048",
                "tracker.webhook.public-base-url=https://tracker.example.com/",
                "tracker.dashboard.sign-in-failures-allowed=3", "tracker.dashboard.sign-in-lockout=2m",
                "tracker.event-streams.path=/events", "tracker.event-streams.username=sink",
                "tracker.event-streams.password=secret").run(app -> {
                    assertThat(app.getBean(WebhookSettings.class))
                            .isEqualTo(new WebhookSettings(URI.create("https://tracker.example.com"), "/hooks/twilio", 2048));
                    assertThat(app.getBean(DashboardSettings.class))
                            .isEqualTo(new DashboardSettings("/hooks/twilio", 3, Duration.ofMinutes(2)));
                    assertThat(app.getBean(EventStreamsSettings.class)).isEqualTo(
                            new EventStreamsSettings("/events", EventStreamsSettings.DEFAULT_MAX_BODY_BYTES, "sink", "secret"));
                });
    }

    @Test
    void a_public_base_url_over_plain_http_is_refused_naming_the_setting_and_its_variable() {
        context.withPropertyValues("tracker.webhook.public-base-url=http://tracker.example.com")
                .run(app -> refused(app, "tracker.webhook.public-base-url (PUBLIC_BASE_URL)")
                        .hasMessage("tracker.webhook.public-base-url (PUBLIC_BASE_URL): public base URL must use https "
                                + "(Twilio posts statuses over the internet; http is only for localhost), was "
                                + "http://tracker.example.com"));
    }

    @Test
    void a_sink_username_without_its_password_is_refused_naming_the_sinks_settings() {
        context.withPropertyValues("tracker.event-streams.username=sink")
                .run(app -> refused(app, "tracker.event-streams.*").hasMessage("tracker.event-streams.*: Basic "
                        + "credentials need both the username and the password, or neither"));
    }

    @Test
    void a_refusal_limit_out_of_range_is_refused_naming_the_limits() {
        context.withPropertyValues("tracker.webhook.refusal-limit.burst=0")
                .run(app -> refused(app, "tracker.webhook.refusal-limit.*"));
    }

    @Test
    void a_sign_in_throttle_out_of_range_is_refused_when_bound() {
        context.withPropertyValues("tracker.dashboard.sign-in-failures-allowed=0").run(app -> assertThat(app)
                .hasFailed().getFailure().rootCause()
                .hasMessage("tracker.dashboard.sign-in-failures-allowed must be 1 to 100, was 0"));
        context.withPropertyValues("tracker.dashboard.sign-in-lockout=500ms").run(app -> assertThat(app)
                .hasFailed().getFailure().rootCause()
                .hasMessage("tracker.dashboard.sign-in-lockout must be at least 1s, was PT0.5S"));
    }

    @Test
    void settings_of_the_application_win() {
        WebhookSettings own = new WebhookSettings(null, "/own", 1024);
        context.withBean(WebhookSettings.class, () -> own)
                .run(app -> assertThat(app.getBean(WebhookSettings.class)).isSameAs(own));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(AssertableApplicationContext app,
            String setting) {
        assertThat(app).hasFailed();
        Throwable failure = app.getStartupFailure();
        while (failure != null && !(failure instanceof InvalidSetting)) {
            failure = failure.getCause();
        }
        assertThat(failure).as("an InvalidSetting in " + app.getStartupFailure()).isNotNull();
        assertThat(((InvalidSetting) failure).setting()).isEqualTo(setting);
        return assertThat(failure);
    }
}
