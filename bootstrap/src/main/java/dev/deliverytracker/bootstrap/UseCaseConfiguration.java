package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.InvalidSetting;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks;
import dev.deliverytracker.application.port.out.CurrentCallbackUrl;
import dev.deliverytracker.application.port.out.RefusalBudget;
import dev.deliverytracker.application.service.ReplayRefusedCallbacksService;
import dev.deliverytracker.application.port.in.AdmitSendRequest;
import dev.deliverytracker.application.port.in.DispatchMessages;
import dev.deliverytracker.application.port.in.FindMessage;
import dev.deliverytracker.application.port.in.AdoptStoredUnmatched;
import dev.deliverytracker.application.port.in.ManageAdoption;
import dev.deliverytracker.application.port.in.RegisterMessage;
import dev.deliverytracker.application.port.in.RemoveIdleSendBudgets;
import dev.deliverytracker.application.port.in.SendMessage;
import dev.deliverytracker.application.port.out.MessageGateway;
import dev.deliverytracker.application.port.out.MessageCharges;
import dev.deliverytracker.application.port.out.MessageStore;
import dev.deliverytracker.application.port.out.MessageWork;
import dev.deliverytracker.application.port.out.OrganizationSendLimits;
import dev.deliverytracker.application.port.out.AllowedSenders;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.application.port.out.Outbox;
import dev.deliverytracker.application.port.out.ReceiverAddresses;
import dev.deliverytracker.application.port.out.StatusCallbackSigners;
import dev.deliverytracker.application.port.out.PaceRate;
import dev.deliverytracker.application.port.out.SendBudgets;
import dev.deliverytracker.application.port.SendLimit;
import dev.deliverytracker.application.port.out.SendLimits;
import dev.deliverytracker.application.port.out.SendingPace;
import dev.deliverytracker.application.port.out.StatusCallbackAddress;
import dev.deliverytracker.application.service.AdoptStoredUnmatchedService;
import dev.deliverytracker.application.service.AdoptionService;
import dev.deliverytracker.application.service.RegisterMessageService;
import dev.deliverytracker.application.service.DispatchMessagesService;
import dev.deliverytracker.application.service.DispatchPolicy;
import dev.deliverytracker.application.service.OrganizationGatedOutbox;
import dev.deliverytracker.application.service.FindMessageService;
import dev.deliverytracker.application.service.PacingPolicy;
import dev.deliverytracker.application.service.SendAdmissionService;
import dev.deliverytracker.application.service.RemoveIdleSendBudgetsService;
import dev.deliverytracker.application.service.SendMessageService;
import dev.deliverytracker.application.service.StatusCallbackCheckedSendMessage;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.InboundMessages;
import dev.deliverytracker.application.port.out.WindowEnforcements;
import dev.deliverytracker.application.port.out.RefusedCallbacks;
import dev.deliverytracker.application.port.out.RejectedCallbacks;
import dev.deliverytracker.application.port.out.SignatureVerifier;
import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.StoredUnmatchedEvents;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.application.service.RecordDeliveryStatusService;
import dev.deliverytracker.application.service.RecordDeliveryStatusService.SignatureCheck;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases as beans: plain classes of the application, wired to their adapters here. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(UseCaseConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ManageAdoption manageAdoption(Organizations organizations, TwilioAccounts accounts) {
        return new AdoptionService(organizations, accounts);
    }

    @Bean
    RegisterMessage registerMessage(DeliveryLog log, Clock clock) {
        return new RegisterMessageService(log, clock);
    }

    @Bean
    AdoptStoredUnmatched adoptStoredUnmatched(StoredUnmatchedEvents stored, DeliveryLog log) {
        return new AdoptStoredUnmatchedService(stored, log);
    }

    @Bean
    RecordDeliveryStatusService recordDeliveryStatus(TwilioAccounts accounts, SignatureVerifier verifier,
            DeliveryLog log, RejectedCallbacks rejected, RefusedCallbacks quarantine, RefusalBudget refusalBudget,
            TrackerProperties properties) {
        return new RecordDeliveryStatusService(accounts, verifier, log, rejected, quarantine,
                signatureCheck(properties), refusalBudget);
    }

    @Bean
    ReplayRefusedCallbacks replayRefusedCallbacks(TwilioAccounts accounts, RefusedCallbacks quarantine,
            RecordDeliveryStatusService recorder, CurrentCallbackUrl currentUrl) {
        return new ReplayRefusedCallbacksService(accounts, quarantine, recorder, currentUrl);
    }

    /**
     * The send use case behind the WhatsApp window check (issue 22, {@link EventStreamsConfiguration}) and
     * the status-callback check (issue 21), behind the organization's gate.
     */
    @Bean
    SendMessage sendMessage(Outbox outbox, AdmitSendRequest admission, Clock clock, InboundMessages inbound,
            WindowEnforcements enforcements, OrganizationDirectory directory, AllowedSenders senders,
            ReceiverAddresses addresses, StatusCallbackSigners signers) {
        return OrganizationAdminConfiguration.gated(new StatusCallbackCheckedSendMessage(
                EventStreamsConfiguration.windowChecked(new SendMessageService(outbox, admission, clock), inbound,
                        enforcements, clock), addresses, signers), directory, senders);
    }

    @Bean
    FindMessage findMessage(MessageStore messages, Outbox outbox, MessageCharges charges, Clock clock,
            OrganizationDirectory organizations) {
        return new FindMessageService(messages, outbox, charges, clock, organizations);
    }

    @Bean
    AdmitSendRequest admitSendRequest(SendBudgets budgets, OrganizationSendLimits limits,
            TrackerProperties properties) {
        TrackerProperties.RateLimits settings = properties.rateLimits();
        if (!settings.enabled()) {
            LOG.warn("tracker.rate-limits.enabled=false: the send API has no budget; one caller can flood the outbox");
            return caller -> new AdmitSendRequest.Admission.Admitted();
        }
        return InvalidSetting.building("tracker.rate-limits.*",
                () -> new SendAdmissionService(budgets, limits, new SendLimits(
                        new SendLimit(settings.perKeyRequests(), settings.perKeyPeriod()),
                        new SendLimit(settings.perOrganizationRequests(), settings.perOrganizationPeriod()))));
    }

    @Bean
    RemoveIdleSendBudgets removeIdleSendBudgets(SendBudgets budgets) {
        return new RemoveIdleSendBudgetsService(budgets);
    }

    static PacingPolicy pacingPolicy(TrackerProperties.Pacing pacing) {
        return InvalidSetting.building("tracker.pacing.*",
                () -> new PacingPolicy(pacing.enabled(),
                        new PaceRate(pacing.smsNumberRate(), pacing.smsNumberBurst()),
                        new PaceRate(pacing.whatsappNumberRate(), pacing.whatsappNumberBurst()),
                        new PaceRate(pacing.messagingServiceRate(), pacing.messagingServiceBurst()),
                        new PaceRate(pacing.accountRate(), pacing.accountBurst())));
    }

    @Bean
    DispatchMessages dispatchMessages(Outbox outbox, OrganizationDirectory organizations, MessageGateway gateway,
            TwilioAccounts accounts, StatusCallbackAddress callbackAddress, DeliveryLog log, MessageStore messages,
            Clock clock, TrackerProperties properties, SendingPace pace, MessageWork work, MeterRegistry meters) {
        TrackerProperties.Dispatch dispatch = properties.dispatch();
        DispatchPolicy policy;
        policy = InvalidSetting.building("tracker.dispatch.*",
                () -> new DispatchPolicy(dispatch.batchSize(), dispatch.lease(), dispatch.maxAttempts(),
                        dispatch.firstRetryDelay(), dispatch.maxRetryDelay()));
        // Sends are counted here, around whichever gateway an adapter provides. A disabled organization's
        // messages wait in the outbox, looked at again every 30 s, so enabling it sends them.
        Outbox gated = new OrganizationGatedOutbox(outbox, organizations, Duration.ofSeconds(30));
        return new DispatchMessagesService(gated, new CountedMessageGateway(gateway, meters), accounts, callbackAddress, log, messages, clock, policy,
                () -> ThreadLocalRandom.current().nextDouble(), dispatchSenders(dispatch.concurrency()), pace,
                pacingPolicy(properties.pacing()), work);
    }

    /** Threads that wait on Twilio for one claim's messages at once; daemon, so they never hold a shutdown. */
    private static Executor dispatchSenders(int concurrency) {
        if (concurrency < 1 || concurrency > 64) {
            throw new InvalidSetting("tracker.dispatch.concurrency", "must be 1 to 64, was " + concurrency, null);
        }
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "dispatch-send-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    static SignatureCheck signatureCheck(TrackerProperties properties) {
        String setting = properties.webhook().signatureCheck().trim().toLowerCase(Locale.ROOT);
        switch (setting) {
            case "required":
                return SignatureCheck.REQUIRED;
            case "disabled":
                LOG.warn("!!! tracker.webhook.signature-check=disabled: status callbacks are NOT verified; anyone "
                        + "who can reach the status webhook or the Event Streams sink can write delivery statuses. "
                        + "Never run like this in production. !!!");
                return SignatureCheck.DISABLED;
            default:
                throw new InvalidSetting("tracker.webhook.signature-check",
                        "must be 'required' or 'disabled', was '" + properties.webhook().signatureCheck() + "'", null);
        }
    }
}
