package dev.deliverytracker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.domain.DeliveryObservation.CallbackFlow;
import dev.deliverytracker.domain.DeliveryObservation.ErrorCount;
import dev.deliverytracker.domain.DeliveryObservation.FailureCounts;
import dev.deliverytracker.domain.DeliveryObservation.Latency;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertConditionTest {

    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    @Test
    void a_failure_rate_above_the_threshold_fires_and_says_by_how_much() {
        var rule = new AlertCondition.FailureRate(FIFTEEN_MINUTES, 0.10, 50);

        AlertVerdict verdict = rule.evaluate(new FailureCounts(46, 200));

        assertThat(verdict).isInstanceOf(AlertVerdict.Firing.class);
        assertThat(verdict.message()).isEqualTo("failure rate 23% (46 of 200) in the last 15 min, above 10%");
    }

    @Test
    void a_failure_rate_exactly_at_the_threshold_is_clear() {
        var rule = new AlertCondition.FailureRate(FIFTEEN_MINUTES, 0.10, 50);

        AlertVerdict verdict = rule.evaluate(new FailureCounts(20, 200));

        assertThat(verdict).isInstanceOf(AlertVerdict.Clear.class);
        assertThat(verdict.message()).isEqualTo("failure rate 10% (20 of 200) in the last 15 min, at or below 10%");
    }

    @Test
    void too_few_messages_never_fire_however_many_failed() {
        var rule = new AlertCondition.FailureRate(FIFTEEN_MINUTES, 0.10, 50);

        AlertVerdict verdict = rule.evaluate(new FailureCounts(49, 49));

        assertThat(verdict).isInstanceOf(AlertVerdict.Clear.class);
        assertThat(verdict.message()).contains("49 messages").contains("fewer than the 50 needed");
        assertThat(rule.evaluate(new FailureCounts(26, 50))).isInstanceOf(AlertVerdict.Firing.class);
    }

    @Test
    void an_error_burst_fires_at_its_minimum_count_and_names_the_code() {
        var rule = new AlertCondition.ErrorBurst(30007, Duration.ofMinutes(5), 10);

        assertThat(rule.evaluate(new ErrorCount(30007, 9))).isInstanceOf(AlertVerdict.Clear.class);
        AlertVerdict firing = rule.evaluate(new ErrorCount(30007, 10));
        assertThat(firing).isInstanceOf(AlertVerdict.Firing.class);
        assertThat(firing.message()).startsWith("10 failures with error 30007 (").endsWith("in the last 5 min, at least 10");
    }

    @Test
    void slow_delivery_fires_when_the_p90_exceeds_the_threshold() {
        var rule = new AlertCondition.SlowDelivery(Duration.ofSeconds(30), Duration.ofHours(1), 20);

        AlertVerdict slow = rule.evaluate(new Latency(120, Duration.ofSeconds(95)));
        AlertVerdict fast = rule.evaluate(new Latency(120, Duration.ofMillis(2500)));

        assertThat(slow).isInstanceOf(AlertVerdict.Firing.class);
        assertThat(slow.message()).isEqualTo("delivery p90 95 s (120 delivered) in the last 1 h, above 30 s");
        assertThat(fast).isInstanceOf(AlertVerdict.Clear.class);
        assertThat(fast.message()).contains("delivery p90 2.5 s");
        assertThat(rule.evaluate(new Latency(19, Duration.ofHours(2)))).isInstanceOf(AlertVerdict.Clear.class);
    }

    @Test
    void callbacks_stopped_fires_only_when_sends_continue_and_no_callback_arrives() {
        var rule = new AlertCondition.CallbacksStopped(Duration.ofMinutes(10), 5);

        assertThat(rule.evaluate(new CallbackFlow(12, 0))).isInstanceOf(AlertVerdict.Firing.class);
        assertThat(rule.evaluate(new CallbackFlow(12, 1))).isInstanceOf(AlertVerdict.Clear.class);
        assertThat(rule.evaluate(new CallbackFlow(4, 0))).isInstanceOf(AlertVerdict.Clear.class);
        assertThat(rule.evaluate(new CallbackFlow(12, 0)).message())
                .isEqualTo("12 messages accepted by Twilio and 0 status callbacks in the last 10 min: callbacks stopped arriving");
    }

    @Test
    void callbacks_refused_fires_only_when_refusals_come_and_no_callback_verifies() {
        var rule = new AlertCondition.CallbacksRefused(Duration.ofMinutes(15), 3);

        assertThat(rule.evaluate(new DeliveryObservation.CallbackRefusals(0, 3))).isInstanceOf(AlertVerdict.Firing.class);
        assertThat(rule.evaluate(new DeliveryObservation.CallbackRefusals(1, 50))).as("valid traffic still flows")
                .isInstanceOf(AlertVerdict.Clear.class);
        assertThat(rule.evaluate(new DeliveryObservation.CallbackRefusals(0, 2))).as("too few to judge")
                .isInstanceOf(AlertVerdict.Clear.class);
        assertThat(rule.evaluate(new DeliveryObservation.CallbackRefusals(0, 7)).message())
                .isEqualTo("callbacks are being refused: check the public base URL, proxy headers, or a rotated auth "
                        + "token (7 status callbacks refused and 0 recorded in the last 15 min)");
        assertThatThrownBy(() -> new AlertCondition.CallbacksRefused(FIFTEEN_MINUTES, 0))
                .hasMessageContaining("minimumRefused must be at least 1, was 0");
    }

    @Test
    void bad_parameters_are_refused_naming_the_parameter() {
        assertThatThrownBy(() -> new AlertCondition.FailureRate(FIFTEEN_MINUTES, 10, 50))
                .hasMessageContaining("threshold must be a fraction between 0 and 1").hasMessageContaining("10.0");
        assertThatThrownBy(() -> new AlertCondition.FailureRate(Duration.ZERO, 0.1, 50))
                .hasMessageContaining("window must be between 1 s and 7 days");
        assertThatThrownBy(() -> new AlertCondition.ErrorBurst(0, FIFTEEN_MINUTES, 1)).hasMessageContaining("errorCode");
        assertThatThrownBy(() -> new AlertCondition.SlowDelivery(Duration.ZERO, FIFTEEN_MINUTES, 1))
                .hasMessageContaining("p90Threshold");
        assertThatThrownBy(() -> new AlertCondition.CallbacksStopped(FIFTEEN_MINUTES, 0))
                .hasMessageContaining("minimumAccepted must be at least 1, was 0");
    }

    @Test
    void a_rule_describes_itself_in_one_line() {
        assertThat(new AlertCondition.FailureRate(FIFTEEN_MINUTES, 0.125, 50).describe())
                .isEqualTo("failure rate above 12.5% over 15 min (at least 50 messages)");
        assertThat(AlertCondition.human(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
        assertThat(AlertCondition.human(Duration.ofMillis(250))).isEqualTo("250 ms");
    }

    @Test
    void a_webhook_url_is_shown_without_its_secret_path() {
        WebhookUrl url = WebhookUrl.parse("https://hooks.slack.com/services/T000/B000/XXXXSECRET");

        assertThat(url.masked()).isEqualTo("https://hooks.slack.com/…");
        assertThat(url.toString()).doesNotContain("SECRET");
        assertThatThrownBy(() -> WebhookUrl.parse("ftp://example.com/x")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> WebhookUrl.parse("https://user:pw@example.com/x"))
                .hasMessageContaining("credentials").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> WebhookUrl.parse("/relative")).hasMessageContaining("absolute");
    }
}
