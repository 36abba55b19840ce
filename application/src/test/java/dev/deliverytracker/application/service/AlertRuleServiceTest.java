package dev.deliverytracker.application.service;

import dev.deliverytracker.application.fake.Actors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.fake.InMemoryAlertHistory;
import dev.deliverytracker.application.fake.InMemoryAlertRules;
import dev.deliverytracker.application.port.in.CreateAlertRuleCommand;
import dev.deliverytracker.domain.AlertCondition;
import dev.deliverytracker.domain.AlertRule;
import dev.deliverytracker.domain.NotificationFormat;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.WebhookUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AlertRuleServiceTest {

    private static final OrganizationId ORG = OrganizationId.of(1);
    private static final OrganizationId OTHER = OrganizationId.of(2);

    private final InMemoryAlertHistory history = new InMemoryAlertHistory();
    private final AlertRuleService service = new AlertRuleService(new InMemoryAlertRules(history), history,
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void a_rule_is_created_listed_and_deleted_within_its_organization() {
        AlertRule rule = service.create(Actors.PLATFORM, command(ORG));

        assertThat(service.list(Actors.PLATFORM, ORG)).containsExactly(rule);
        assertThat(service.list(Actors.PLATFORM, OTHER)).isEmpty();
        assertThat(service.delete(Actors.PLATFORM, OTHER, rule.id())).isFalse();
        assertThat(service.delete(Actors.PLATFORM, ORG, rule.id())).isTrue();
        assertThat(service.list(Actors.PLATFORM, ORG)).isEmpty();
    }

    @Test
    void an_organization_has_a_bounded_number_of_rules() {
        for (int i = 0; i < AlertRuleService.MAX_RULES_PER_ORGANIZATION; i++) {
            service.create(Actors.PLATFORM, command(ORG));
        }

        assertThatThrownBy(() -> service.create(Actors.PLATFORM, command(ORG))).hasMessageContaining("at most 100 alert rules");
        assertThat(service.create(Actors.PLATFORM, command(OTHER))).isNotNull();
    }

    @Test
    void the_history_limit_is_checked() {
        assertThat(service.recent(Actors.PLATFORM, ORG, 1)).isEmpty();
        assertThatThrownBy(() -> service.recent(Actors.PLATFORM, ORG, 0)).hasMessageContaining("limit must be between 1 and 500, was 0");
        assertThatThrownBy(() -> service.recent(Actors.PLATFORM, ORG, 501)).hasMessageContaining("was 501");
    }

    private static CreateAlertRuleCommand command(OrganizationId org) {
        return new CreateAlertRuleCommand(org, new AlertCondition.FailureRate(Duration.ofMinutes(15), 0.1, 20),
                WebhookUrl.parse("https://hooks.example.com/x"), NotificationFormat.JSON);
    }
}
