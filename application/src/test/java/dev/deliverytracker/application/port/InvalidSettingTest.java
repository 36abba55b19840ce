package dev.deliverytracker.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InvalidSettingTest {

    @Test
    void a_refused_value_is_reported_with_the_setting_that_carried_it() {
        assertThatThrownBy(() -> InvalidSetting.building("tracker.webhook.public-base-url (PUBLIC_BASE_URL)",
                () -> { throw new IllegalArgumentException("public base URL must use https, was http://x"); }))
                .isInstanceOfSatisfying(InvalidSetting.class, invalid -> {
                    assertThat(invalid.setting()).isEqualTo("tracker.webhook.public-base-url (PUBLIC_BASE_URL)");
                    assertThat(invalid).hasMessage("tracker.webhook.public-base-url (PUBLIC_BASE_URL): public base URL "
                            + "must use https, was http://x").hasCauseInstanceOf(IllegalArgumentException.class);
                });
    }

    @Test
    void an_accepted_value_is_built_untouched() {
        Duration built = Duration.ofSeconds(3);
        assertThat(InvalidSetting.building("tracker.ingest.*", () -> built)).isSameAs(built);
    }

    @Test
    void only_a_refused_value_is_named_other_failures_pass_through() {
        IllegalStateException broken = new IllegalStateException("not a setting's fault");
        assertThatThrownBy(() -> InvalidSetting.building("tracker.ingest.*", () -> { throw broken; })).isSameAs(broken);
    }
}
