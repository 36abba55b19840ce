package dev.deliverytracker.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a validated create request the way Twilio does: decides the message's fate, stores it
 * with its initial status and starts its status callbacks.
 */
final class MessageIntake {

    private static final Logger LOG = LoggerFactory.getLogger(MessageIntake.class);
    /** Senders a Messaging Service "picks" (Twilio's documented test number and WhatsApp sandbox). */
    static final String SERVICE_SMS_SENDER = "+15005550006";
    static final String SERVICE_WHATSAPP_SENDER = "whatsapp:+14155238886";

    /** The answer to a create: the stored message, or Twilio's error for it. */
    sealed interface Result permits Accepted, Rejected {
    }

    record Accepted(SimulatedMessage message) implements Result {
    }

    record Rejected(TwilioError error) implements Result {
    }

    private final MessageStore store;
    private final CallbackPlanner planner;
    private final CallbackDispatcher dispatcher;
    private final SidGenerator sids;
    private final Random random;
    private final Clock clock;
    private final Supplier<Behaviour> behaviour;
    private final ServiceCallbacks serviceCallbacks;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong sequence = new AtomicLong();
    private final EventStreams streams;

    MessageIntake(MessageStore store, CallbackPlanner planner, CallbackDispatcher dispatcher, SidGenerator sids,
                  Random random, Clock clock, Supplier<Behaviour> behaviour, ServiceCallbacks serviceCallbacks,
                  ScheduledExecutorService scheduler, EventStreams streams) {
        this.streams = streams;
        this.serviceCallbacks = serviceCallbacks;
        this.scheduler = scheduler;
        this.store = store;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.sids = sids;
        this.random = random;
        this.clock = clock;
        this.behaviour = behaviour;
    }

    /** How long the current behaviour holds a create before answering it. */
    long createDelayMs() {
        return behaviour.get().createDelayMs();
    }

    Result create(String accountSid, CreateMessageRequest request) {
        var problem = request.problem();
        if (problem.isPresent()) {
            LOG.info("create refused account={} to={} code={}", accountSid, PhoneMask.mask(request.to()), problem.get().code());
            return new Rejected(problem.get());
        }
        Behaviour now = behaviour.get();
        Outcome outcome = CallbackPlanner.decide(request.to(), now, random);
        if (outcome.kind() == Outcome.Kind.REJECT) {
            LOG.info("create rejected by rule account={} to={} code={}", accountSid, PhoneMask.mask(request.to()), outcome.errorCode());
            return new Rejected(TwilioError.badRequest(outcome.errorCode()));
        }
        SimulatedMessage message = newMessage(accountSid, request);
        store.save(message);
        if ("queued".equals(message.status())) {
            // No callback is posted for the initial status, but Event Streams has an event for it.
            streams.statusChanged(message, "queued", 0);
        }
        LOG.info("message created sid={} account={} channel={} to={} status={} outcome={}",
                message.sid(), accountSid, message.channel(), PhoneMask.mask(message.to()), message.status(), outcome);
        // A silent outcome moves the status as callbacks are "emitted" but posts nothing: no URL to post to.
        startCallbacks(message, outcome.silent() ? "" : serviceCallbacks.urlFor(message), planner.plan(message, outcome, now),
                now);
        // The create answer shows the initial status, even if callbacks have already moved it on.
        return new Accepted(message);
    }

    private void startCallbacks(SimulatedMessage message, String url, List<CallbackEvent> events, Behaviour now) {
        CompletableFuture<Void> start = CompletableFuture.completedFuture(null);
        List<CallbackEvent> rest = events;
        if (now.earlyCallback() && !events.isEmpty()) {
            // Real Twilio can post "sent" before the client has read the create response; the
            // receiver must then cope with a callback for a SID it does not know yet.
            CallbackEvent first = events.get(0);
            emit(first);
            if (!url.isEmpty()) {
                dispatcher.deliver(url, first).join();
            }
            rest = events.subList(1, events.size());
        }
        dispatcher.dispatch(url, rest, now, start, this::emit);
    }

    private void emit(CallbackEvent event) {
        store.update(event.messageSid(), message -> message.movedTo(event.status(), event.step(), event.errorCode(), clock.instant()));
        if (!event.duplicate()) {
            // Event Streams reports each status once (its own duplicates are its own), also when the
            // callbacks are silent: that is what it is for.
            store.find(event.messageSid()).ifPresent(message -> streams.statusChanged(message, event.status(),
                    event.errorCode()));
        }
        store.find(event.messageSid()).filter(SimulatedMessage::isFinal).filter(message -> message.price().isEmpty())
                .ifPresent(this::priceLater);
    }

    /** Twilio shows a message's price a while after its final status, never at once. */
    private void priceLater(SimulatedMessage message) {
        scheduler.schedule(() -> store.update(message.sid(), current ->
                current.price().isEmpty() ? current.priced(Pricing.of(current)) : current),
                behaviour.get().priceDelayMs(), TimeUnit.MILLISECONDS);
    }

    private SimulatedMessage newMessage(String accountSid, CreateMessageRequest request) {
        Instant created = clock.instant();
        boolean viaService = !request.messagingServiceSid().isBlank();
        Channel channel = request.channel();
        String from = !request.from().isBlank() ? request.from()
                : channel == Channel.WHATSAPP ? SERVICE_WHATSAPP_SENDER : SERVICE_SMS_SENDER;
        return new SimulatedMessage(
                sids.next("SM"), accountSid, channel, request.to(), from, request.messagingServiceSid(),
                request.body(), request.contentSid(), request.statusCallback(),
                viaService ? "accepted" : "queued", 0, 0, request.segments(),
                created, created, null, sequence.incrementAndGet(), "");
    }
}
