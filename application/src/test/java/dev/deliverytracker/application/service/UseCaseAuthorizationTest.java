package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.SpendGrouping;
import dev.deliverytracker.application.port.SpendQuery;
import dev.deliverytracker.application.port.StatisticsInterval;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.application.port.WindowEnforcement;
import dev.deliverytracker.application.port.in.AccessRefused;
import dev.deliverytracker.application.port.in.CreateAlertRuleCommand;
import dev.deliverytracker.application.port.in.DeliveryStatistics;
import dev.deliverytracker.application.port.in.RegisterMessage;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks.Selection;
import dev.deliverytracker.application.port.out.AlertHistory;
import dev.deliverytracker.application.port.out.AlertRules;
import dev.deliverytracker.application.port.out.CurrentCallbackUrl;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.FailedMessages;
import dev.deliverytracker.application.port.out.InboundMessages;
import dev.deliverytracker.application.port.out.MessageCharges;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.application.port.out.MessageStore;
import dev.deliverytracker.application.port.out.NotificationOutbox;
import dev.deliverytracker.application.port.out.NotificationSender;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.application.port.out.ReceiverAddresses;
import dev.deliverytracker.application.port.out.RefusedCallbacks;
import dev.deliverytracker.application.port.out.RefusedEventBatches;
import dev.deliverytracker.application.port.out.RetryPolicies;
import dev.deliverytracker.application.port.out.Spending;
import dev.deliverytracker.application.port.out.StatusCallbackSigners;
import dev.deliverytracker.application.port.out.StoredUnmatchedEvents;
import dev.deliverytracker.application.port.out.Subscriptions;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.application.port.out.WindowEnforcements;
import dev.deliverytracker.application.service.AccessPolicy.Need;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.AlertCondition;
import dev.deliverytracker.domain.AlertRuleId;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.NotificationFormat;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.RetryPolicy;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.domain.SubscriptionId;
import dev.deliverytracker.domain.WebhookUrl;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every use case that serves the older endpoints (messages, insights, retries, alerts, notifications,
 * windows, adoption, registration, spend, quarantines) decides itself who may call it. Each is built on
 * ports that fail the test if touched, so a refusal is shown to come before anything is read or changed.
 */
class UseCaseAuthorizationTest {

    private static final OrganizationId ORG = OrganizationId.of(1);
    private static final OrganizationId OTHER = OrganizationId.of(2);
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final TimeRange DAY = new TimeRange(NOW.minus(Duration.ofDays(1)), NOW);

    private final List<String> touched = new ArrayList<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    /** One use case call, and what it needs in the organization it names. */
    private record Call(String name, Need need, Consumer<Actor> call) {
    }

    private List<Call> calls() {
        MessageId message = MessageId.parse("1");
        SubscriptionId subscription = new SubscriptionId(7);
        RetryService retries = new RetryService(port(FailedMessages.class), port(MessageStore.class), port(Outbox.class),
                port(RetryPolicies.class), clock);
        OrganizationGatedRetryMessages gatedRetries = new OrganizationGatedRetryMessages(retries,
                port(OrganizationDirectory.class));
        MessageQueryService queries = new MessageQueryService(port(MessageQueries.class));
        AlertRuleService alerts = new AlertRuleService(port(AlertRules.class), port(AlertHistory.class), clock);
        CustomerServiceWindowService windows = new CustomerServiceWindowService(port(InboundMessages.class),
                port(WindowEnforcements.class), clock);
        SubscriptionService notifications = new SubscriptionService(port(Subscriptions.class),
                port(NotificationOutbox.class), port(NotificationSender.class), port(ReceiverAddresses.class), clock);
        AdoptionService adoption = new AdoptionService(port(Organizations.class), port(TwilioAccounts.class));
        // The recorders are never reached: the refusal comes first.
        ReplayRefusedCallbacksService refusedCallbacks = new ReplayRefusedCallbacksService(port(TwilioAccounts.class),
                port(RefusedCallbacks.class), null, port(CurrentCallbackUrl.class));
        ReplayRefusedEventBatchesService refusedBatches = new ReplayRefusedEventBatchesService(
                port(TwilioAccounts.class), port(RefusedEventBatches.class), null, port(CurrentCallbackUrl.class));
        StatusCallbackSecretService secrets = new StatusCallbackSecretService(port(StatusCallbackSigners.class), clock);
        Selection quarantined = new Selection(ORG, DAY.from(), DAY.until(), 10);
        Address customer = Address.sms("+15005550006");
        return List.of(
                new Call("FindMessage.find", Need.READ, actor -> new FindMessageService(port(MessageStore.class),
                        port(Outbox.class), port(MessageCharges.class), clock, port(OrganizationDirectory.class))
                        .find(actor, ORG, message)),
                new Call("FindDeliveryHistory.timeline", Need.READ, actor -> queries.timeline(actor, ORG, message, true)),
                new Call("ListMessages.list", Need.READ, actor -> queries.list(actor, MessageFilter.all(ORG),
                        Optional.empty(), 10)),
                new Call("ExportMessages.export", Need.READ, actor -> queries.export(actor, MessageFilter.all(ORG),
                        row -> touched.add("export row"))),
                new Call("FindFailures.failures", Need.READ, actor -> new FailureReportService(
                        port(MessageQueries.class)).failures(actor, ORG, DAY)),
                new Call("DeliveryStatistics.statistics", Need.READ, actor -> new DeliveryStatisticsService(
                        port(MessageQueries.class)).statistics(actor, new DeliveryStatistics.Query(ORG, DAY,
                                StatisticsInterval.HOUR))),
                new Call("RetryMessages.retry", Need.SEND, actor -> gatedRetries.retry(actor, ORG, message, true)),
                new Call("RetryMessages.retryFailures", Need.SEND, actor -> gatedRetries.retryFailures(actor, ORG, 0,
                        DAY.from(), true)),
                new Call("RetryService.retry", Need.SEND, actor -> retries.retry(actor, ORG, message, true)),
                new Call("RetryService.retryFailures", Need.SEND, actor -> retries.retryFailures(actor, ORG, 0,
                        DAY.from(), true)),
                new Call("ManageRetryPolicy.policyOf", Need.READ, actor -> retries.policyOf(actor, ORG)),
                new Call("ManageRetryPolicy.set", Need.MANAGE, actor -> retries.set(actor, ORG, RetryPolicy.defaults())),
                new Call("ManageAlertRules.create", Need.MANAGE, actor -> alerts.create(actor, new CreateAlertRuleCommand(
                        ORG, new AlertCondition.FailureRate(Duration.ofMinutes(15), 0.1, 20),
                        WebhookUrl.parse("https://hooks.example.com/x"), NotificationFormat.JSON))),
                new Call("ManageAlertRules.list", Need.READ, actor -> alerts.list(actor, ORG)),
                new Call("ManageAlertRules.delete", Need.MANAGE, actor -> alerts.delete(actor, ORG,
                        AlertRuleId.parse("1"))),
                new Call("FindAlertHistory.recent", Need.READ, actor -> alerts.recent(actor, ORG, 10)),
                new Call("FindCustomerServiceWindows.of", Need.READ, actor -> windows.of(actor, ORG, customer)),
                new Call("FindCustomerServiceWindows.openNow", Need.READ, actor -> windows.openNow(actor, ORG, 10)),
                new Call("FindCustomerServiceWindows.enforcement", Need.READ, actor -> windows.enforcement(actor, ORG)),
                new Call("ManageWindowEnforcement.set", Need.MANAGE, actor -> windows.set(actor, ORG,
                        WindowEnforcement.REFUSE)),
                new Call("FindConversation.with", Need.READ, actor -> new ConversationService(port(MessageQueries.class),
                        port(InboundMessages.class)).with(actor, ORG, customer, 10)),
                new Call("ManageSubscriptions.create", Need.MANAGE, actor -> notifications.create(actor, ORG, null)),
                new Call("ManageSubscriptions.change", Need.MANAGE, actor -> notifications.change(actor, ORG,
                        subscription, null)),
                new Call("ManageSubscriptions.list", Need.READ, actor -> notifications.list(actor, ORG)),
                new Call("ManageSubscriptions.find", Need.READ, actor -> notifications.find(actor, ORG, subscription)),
                new Call("ManageSubscriptions.pause", Need.MANAGE, actor -> notifications.pause(actor, ORG, subscription)),
                new Call("ManageSubscriptions.enable", Need.MANAGE, actor -> notifications.enable(actor, ORG,
                        subscription)),
                new Call("ManageSubscriptions.delete", Need.MANAGE, actor -> notifications.delete(actor, ORG,
                        subscription)),
                new Call("ManageSubscriptions.rotateSecret", Need.MANAGE, actor -> notifications.rotateSecret(actor, ORG,
                        subscription, Duration.ofHours(1))),
                new Call("ManageSubscriptions.sendTest", Need.MANAGE, actor -> notifications.sendTest(actor, ORG,
                        subscription)),
                new Call("ManageDeadLetters.deadLetters", Need.READ, actor -> notifications.deadLetters(actor, ORG,
                        Optional.empty(), 10)),
                new Call("ManageDeadLetters.replay", Need.MANAGE, actor -> notifications.replay(actor, ORG, 5)),
                new Call("ManageDeadLetters.replayAll", Need.MANAGE, actor -> notifications.replayAll(actor, ORG,
                        Optional.empty())),
                new Call("ManageStatusCallbackSecret.createOrRotate", Need.MANAGE, actor -> secrets.createOrRotate(actor,
                        ORG, Duration.ZERO)),
                new Call("ManageStatusCallbackSecret.find", Need.READ, actor -> secrets.find(actor, ORG)),
                new Call("ManageAdoption.policyOf", Need.READ, actor -> adoption.policyOf(actor, ORG)),
                new Call("AdoptStoredUnmatched.adoptStored", Need.MANAGE, actor -> new AdoptStoredUnmatchedService(
                        port(StoredUnmatchedEvents.class), port(DeliveryLog.class)).adoptStored(actor, ORG)),
                new Call("ManageAdoption.set", Need.MANAGE, actor -> adoption.set(actor, ORG, AdoptionPolicy.REFUSE)),
                new Call("RegisterMessage.register", Need.MANAGE, actor -> new RegisterMessageService(
                        port(DeliveryLog.class), clock).register(actor, new RegisterMessage.Command(ORG,
                                MessageSid.of("SM" + "0".repeat(32)), customer, Sender.organizationDefault(),
                                new MessageContent.Text("hi"), Map.of(), Optional.empty()))),
                new Call("ReplayRefusedCallbacks.list", Need.READ, actor -> refusedCallbacks.list(actor, quarantined)),
                new Call("ReplayRefusedCallbacks.replay", Need.MANAGE, actor -> refusedCallbacks.replay(actor,
                        quarantined)),
                new Call("ReplayRefusedEventBatches.list", Need.READ, actor -> refusedBatches.list(actor, quarantined)),
                new Call("ReplayRefusedEventBatches.replay", Need.MANAGE, actor -> refusedBatches.replay(actor,
                        quarantined)),
                new Call("ReportSpend.spend", Need.READ, actor -> new SpendReportService(port(Spending.class)).spend(actor,
                        new SpendQuery(ORG, DAY, new SpendGrouping.Total()))));
    }

    @TestFactory
    Stream<DynamicTest> a_key_of_another_organization_is_told_nothing_exists_and_nothing_is_touched() {
        Actor stranger = Actor.key(new ApiCaller(9, OTHER, EnumSet.of(ApiScope.SEND, ApiScope.READ, ApiScope.MANAGE)));
        return calls().stream().map(call -> dynamicTest(call.name(), () -> {
            touched.clear();
            assertThatThrownBy(() -> call.call().accept(stranger)).isInstanceOfSatisfying(AccessRefused.class,
                    refused -> assertThat(refused.hidden()).as("answered as not found").isTrue());
            assertThat(touched).as("ports touched").isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> a_key_without_the_scope_is_forbidden_naming_it_and_nothing_is_touched() {
        return calls().stream().map(call -> dynamicTest(call.name(), () -> {
            touched.clear();
            Set<ApiScope> allButNeeded = EnumSet.of(ApiScope.SEND, ApiScope.READ, ApiScope.MANAGE);
            allButNeeded.remove(scopeOf(call.need()));
            Actor member = Actor.key(new ApiCaller(3, ORG, allButNeeded));
            assertThatThrownBy(() -> call.call().accept(member)).isInstanceOfSatisfying(AccessRefused.class,
                    refused -> assertThat(refused).hasMessageContaining(scopeOf(call.need()).wireName())
                            .extracting(AccessRefused::hidden).isEqualTo(false));
            assertThat(touched).as("ports touched").isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> an_operator_of_another_organization_is_told_nothing_exists() {
        Actor stranger = new Actor.Operator("mallory", Map.of(OTHER, OperatorRole.ADMIN), false);
        return calls().stream().map(call -> dynamicTest(call.name(), () -> {
            touched.clear();
            assertThatThrownBy(() -> call.call().accept(stranger)).isInstanceOfSatisfying(AccessRefused.class,
                    refused -> assertThat(refused.hidden()).isTrue());
            assertThat(touched).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> a_viewer_may_read_but_not_act_or_manage() {
        Actor viewer = new Actor.Operator("vera", Map.of(ORG, OperatorRole.VIEWER), false);
        return calls().stream().filter(call -> call.need() != Need.READ).map(call -> dynamicTest(call.name(), () -> {
            touched.clear();
            assertThatThrownBy(() -> call.call().accept(viewer)).isInstanceOfSatisfying(AccessRefused.class,
                    refused -> assertThat(refused).hasMessageContaining("the role '"));
            assertThat(touched).isEmpty();
        }));
    }

    @Test
    void a_member_with_the_scope_gets_past_the_check_to_the_ports() {
        Actor reader = Actor.key(new ApiCaller(3, ORG, EnumSet.of(ApiScope.READ)));
        Call list = calls().stream().filter(call -> call.name().equals("ManageAlertRules.list")).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> list.call().accept(reader)).isInstanceOf(AssertionError.class);
        assertThat(touched).containsExactly("AlertRules.of");
    }

    private static ApiScope scopeOf(Need need) {
        return switch (need) {
            case READ -> ApiScope.READ;
            case SEND -> ApiScope.SEND;
            case MANAGE -> ApiScope.MANAGE;
        };
    }

    /** A port that records and fails on any call: a refused use case must not reach it. */
    private <T> T port(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() : null;
            }
            touched.add(type.getSimpleName() + "." + method.getName());
            throw new AssertionError(type.getSimpleName() + "." + method.getName() + " was reached");
        }));
    }
}
