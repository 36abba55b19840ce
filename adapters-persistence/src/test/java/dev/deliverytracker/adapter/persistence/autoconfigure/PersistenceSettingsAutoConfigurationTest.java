package dev.deliverytracker.adapter.persistence.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.adapter.persistence.GroupCommitSettings;
import dev.deliverytracker.adapter.persistence.PayloadSettings;
import dev.deliverytracker.application.port.InvalidSetting;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The PostgreSQL adapter binds its own settings: the defaults the README gives, and a refused value named. */
class PersistenceSettingsAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PersistenceSettingsAutoConfiguration.class));

    @Test
    void without_settings_the_defaults_hold() {
        context.run(app -> {
            assertThat(app.getBean(GroupCommitSettings.class)).isEqualTo(GroupCommitSettings.defaults());
            assertThat(app.getBean(PayloadSettings.class)).isEqualTo(PayloadSettings.defaults());
        });
    }

    @Test
    void the_settings_are_read_under_their_names() {
        context.withPropertyValues("tracker.ingest.group-commit=false", "tracker.ingest.max-batch=64",
                "tracker.ingest.queue-capacity=128", "tracker.ingest.wait-timeout=3s", "tracker.ingest.writers=2",
                "tracker.retention.mask-phone-numbers=true").run(app -> {
                    assertThat(app.getBean(GroupCommitSettings.class))
                            .isEqualTo(new GroupCommitSettings(false, 64, 128, Duration.ofSeconds(3), 2));
                    assertThat(app.getBean(PayloadSettings.class)).isEqualTo(new PayloadSettings(true));
                });
    }

    @Test
    void a_refused_ingest_value_stops_the_start_naming_the_ingest_settings() {
        context.withPropertyValues("tracker.ingest.max-batch=0").run(app -> {
            assertThat(app).hasFailed();
            Throwable failure = app.getStartupFailure();
            while (failure != null && !(failure instanceof InvalidSetting)) {
                failure = failure.getCause();
            }
            assertThat(failure).isInstanceOfSatisfying(InvalidSetting.class, invalid -> {
                assertThat(invalid.setting()).isEqualTo("tracker.ingest.*");
                assertThat(invalid).hasMessage("tracker.ingest.*: group commit max batch must be 1 to 1000, was 0");
            });
        });
    }

    @Test
    void settings_of_the_application_win() {
        GroupCommitSettings own = new GroupCommitSettings(false, 1, 1, Duration.ofSeconds(1), 1);
        context.withBean(GroupCommitSettings.class, () -> own)
                .run(app -> assertThat(app.getBean(GroupCommitSettings.class)).isSameAs(own));
    }
}
