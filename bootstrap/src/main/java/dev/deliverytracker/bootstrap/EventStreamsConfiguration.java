package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.out.CurrentCallbackUrl;
import dev.deliverytracker.application.service.ReplayRefusedEventBatchesService;
import dev.deliverytracker.application.port.in.ReplayRefusedEventBatches;
import dev.deliverytracker.application.port.in.RecordStreamedEvents;
import dev.deliverytracker.application.port.out.BodySignatureVerifier;
import dev.deliverytracker.application.port.in.FindConversation;
import dev.deliverytracker.application.port.in.SendMessage;
import dev.deliverytracker.application.port.out.MessageQueries;
import dev.deliverytracker.application.service.ConversationService;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.InboundMessages;
import dev.deliverytracker.application.port.out.WindowEnforcements;
import dev.deliverytracker.application.service.CustomerServiceWindowService;
import dev.deliverytracker.application.service.WindowCheckedSendMessage;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.deliverytracker.application.port.out.KeptStreamEvents;
import dev.deliverytracker.application.port.out.RefusalBudget;
import dev.deliverytracker.application.port.out.RefusedEventBatches;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.application.service.RecordStreamedEventsService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Twilio Event Streams: the use case and what it needs; the sink and its settings are the web adapter's. */
@Configuration(proxyBeanMethods = false)
class EventStreamsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamsConfiguration.class);

    /**
     * The threads that hand a batch's events to the delivery log together, so they share commits. Not an
     * {@code Executor} bean: Spring Boot would take it for the application's task executor.
     */
    @Bean
    AppendThreads eventStreamsAppends(EventStreamsProperties properties) {
        return new AppendThreads(properties.appendThreads());
    }

    static final class AppendThreads implements DisposableBean {

        private final ExecutorService pool;

        AppendThreads(int size) {
            AtomicInteger threads = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(size, task -> {
                Thread thread = new Thread(task, "event-streams-append-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public void destroy() {
            pool.shutdown();
        }
    }

    @Bean
    RecordStreamedEventsService recordStreamedEvents(TwilioAccounts accounts, BodySignatureVerifier verifier,
            DeliveryLog log, KeptStreamEvents kept, InboundMessages inbound, RefusedEventBatches quarantine,
            RefusalBudget refusalBudget, TrackerProperties properties, AppendThreads eventStreamsAppends) {
        return new RecordStreamedEventsService(accounts, verifier, log, kept, inbound, quarantine, refusalBudget,
                UseCaseConfiguration.signatureCheck(properties), eventStreamsAppends.pool);
    }

    @Bean
    ReplayRefusedEventBatches replayRefusedEventBatches(TwilioAccounts accounts, RefusedEventBatches quarantine,
            RecordStreamedEventsService recorder, CurrentCallbackUrl currentUrl) {
        return new ReplayRefusedEventBatchesService(accounts, quarantine, recorder, currentUrl);
    }

    @Bean
    CustomerServiceWindowService customerServiceWindows(InboundMessages inbound, WindowEnforcements enforcements,
            Clock clock) {
        return new CustomerServiceWindowService(inbound, enforcements, clock);
    }

    @Bean
    FindConversation findConversation(MessageQueries queries, InboundMessages inbound) {
        return new ConversationService(queries, inbound);
    }

    /** The send use case with the window in front; a send let through under {@code warn} is logged. */
    static SendMessage windowChecked(SendMessage send, InboundMessages inbound, WindowEnforcements enforcements,
            Clock clock) {
        return new WindowCheckedSendMessage(send, inbound, enforcements, clock, command -> LOG.warn(
                "free-form WhatsApp message accepted outside the customer service window (enforcement warn): org={} "
                        + "to={}; Twilio will likely fail it with 63016", command.organization(), command.to()));
    }
}
