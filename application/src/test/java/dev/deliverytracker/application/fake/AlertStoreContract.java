package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.port.out.AlertHistory;
import dev.deliverytracker.application.port.out.AlertRules;
import dev.deliverytracker.domain.AlertCondition;
import dev.deliverytracker.domain.AlertIncident;
import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.AlertState;
import dev.deliverytracker.domain.NotificationFormat;
import dev.deliverytracker.domain.NotificationOutcome;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.WebhookUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every store of alert rules and incidents promises, run against the in-memory fakes and
 * against PostgreSQL. Each test uses organizations of its own, so tests share a database safely.
 */
public abstract class AlertStoreContract {

    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    protected static final WebhookUrl HOOK = WebhookUrl.parse("https://hooks.example.com/services/T1/B2/secret");

    protected abstract AlertRules rules();

    protected abstract AlertHistory history();

    /** A fresh organization for one test. */
    protected abstract OrganizationId newOrganization();

    @Test
    void every_kind_of_rule_reads_back_as_it_was_stored() {
        OrganizationId org = newOrganization();
        List<AlertCondition> conditions = List.of(
                new AlertCondition.FailureRate(Duration.ofMinutes(15), 0.125, 50),
                new AlertCondition.ErrorBurst(63016, Duration.ofMinutes(5), 3),
                new AlertCondition.SlowDelivery(Duration.ofMillis(2500), Duration.ofHours(1), 20),
                new AlertCondition.CallbacksStopped(Duration.ofMinutes(10), 5),
                new AlertCondition.CallbacksRefused(Duration.ofMinutes(15), 3));

        List<AlertRule> added = conditions.stream()
                .map(condition -> rules().add(org, condition, HOOK, NotificationFormat.SLACK)).toList();

        assertThat(rules().of(org)).containsExactlyElementsOf(added);
        assertThat(rules().of(org)).extracting(AlertRule::condition).containsExactlyElementsOf(conditions);
        assertThat(rules().enabled()).containsAll(added);
        assertThat(added).allSatisfy(rule -> assertThat(rule.enabled()).isTrue());
    }

    @Test
    void a_rule_is_seen_and_removed_only_within_its_organization() {
        OrganizationId org = newOrganization();
        OrganizationId other = newOrganization();
        AlertRule rule = rules().add(org, failureRate(), HOOK, NotificationFormat.JSON);

        assertThat(rules().of(other)).isEmpty();
        assertThat(rules().remove(other, rule.id(), T0)).isFalse();
        assertThat(rules().of(org)).containsExactly(rule);

        assertThat(rules().remove(org, rule.id(), T0)).isTrue();
        assertThat(rules().of(org)).isEmpty();
        assertThat(rules().enabled()).doesNotContain(rule);
        assertThat(rules().remove(org, rule.id(), T0)).isFalse();
    }

    @Test
    void a_rule_without_incidents_has_never_fired() {
        AlertRule rule = rules().add(newOrganization(), failureRate(), HOOK, NotificationFormat.SLACK);

        assertThat(history().stateOf(rule.id())).isEqualTo(AlertState.neverFired());
    }

    @Test
    void an_incident_is_firing_until_it_recovers_and_keeps_what_became_of_both_notices() {
        OrganizationId org = newOrganization();
        AlertRule rule = rules().add(org, failureRate(), HOOK, NotificationFormat.SLACK);

        long incident = history().started(rule, T0, "failure rate 40% (4 of 10)");
        assertThat(history().stateOf(rule.id())).isEqualTo(new AlertState.Firing(T0, "failure rate 40% (4 of 10)"));
        history().alertNotified(incident, new NotificationOutcome.Sent(200));

        assertThat(history().recovered(rule.id(), T0.plusSeconds(60), "failure rate 0% (0 of 10)")).isEqualTo(incident);
        history().recoveryNotified(incident, new NotificationOutcome.Failed("HTTP 500 from https://hooks.example.com/…"));

        assertThat(history().stateOf(rule.id())).isEqualTo(new AlertState.Quiet(T0.plusSeconds(60)));
        AlertIncident stored = history().recent(org, 10).get(0);
        assertThat(stored.id()).isEqualTo(incident);
        assertThat(stored.ruleId()).isEqualTo(rule.id());
        assertThat(stored.ruleKind()).isEqualTo("failure_rate");
        assertThat(stored.firing()).isFalse();
        assertThat(stored.message()).isEqualTo("failure rate 40% (4 of 10)");
        assertThat(stored.alertNotice()).isEqualTo(new NotificationOutcome.Sent(200));
        assertThat(stored.resolvedAt()).contains(T0.plusSeconds(60));
        assertThat(stored.recoveryMessage()).contains("failure rate 0% (0 of 10)");
        assertThat(stored.recoveryNotice()).contains(new NotificationOutcome.Failed("HTTP 500 from https://hooks.example.com/…"));
    }

    @Test
    void a_rule_has_at_most_one_open_incident() {
        AlertRule rule = rules().add(newOrganization(), failureRate(), HOOK, NotificationFormat.SLACK);
        history().started(rule, T0, "first");

        assertThatThrownBy(() -> history().started(rule, T0.plusSeconds(1), "second")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void the_history_lists_the_organizations_incidents_newest_first() {
        OrganizationId org = newOrganization();
        AlertRule rule = rules().add(org, failureRate(), HOOK, NotificationFormat.SLACK);
        AlertRule another = rules().add(org, new AlertCondition.ErrorBurst(30007, Duration.ofMinutes(5), 3), HOOK,
                NotificationFormat.JSON);
        AlertRule elsewhere = rules().add(newOrganization(), failureRate(), HOOK, NotificationFormat.SLACK);
        long first = history().started(rule, T0, "one");
        history().recovered(rule.id(), T0.plusSeconds(10), "one over");
        long second = history().started(another, T0.plusSeconds(20), "two");
        long third = history().started(rule, T0.plusSeconds(30), "three");
        history().started(elsewhere, T0.plusSeconds(40), "not ours");

        assertThat(history().recent(org, 10)).extracting(AlertIncident::id).containsExactly(third, second, first);
        assertThat(history().recent(org, 2)).extracting(AlertIncident::id).containsExactly(third, second);
        assertThat(history().recent(org, 10).get(0).alertNotice()).isEqualTo(new NotificationOutcome.Pending());
    }

    @Test
    void removing_a_firing_rule_closes_its_incident_without_a_recovery() {
        OrganizationId org = newOrganization();
        AlertRule rule = rules().add(org, failureRate(), HOOK, NotificationFormat.SLACK);
        history().started(rule, T0, "failing");

        rules().remove(org, rule.id(), T0.plusSeconds(5));

        AlertIncident closed = history().recent(org, 1).get(0);
        assertThat(closed.firing()).isFalse();
        assertThat(closed.resolvedAt()).contains(T0.plusSeconds(5));
        assertThat(closed.recoveryMessage()).contains("rule deleted");
    }

    private static AlertCondition failureRate() {
        return new AlertCondition.FailureRate(Duration.ofMinutes(15), 0.1, 10);
    }
}
