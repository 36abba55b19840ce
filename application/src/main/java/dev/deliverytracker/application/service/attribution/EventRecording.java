package dev.deliverytracker.application.service.attribution;

import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.out.LockedDeliveryLog;
import dev.deliverytracker.application.port.out.LockedMessages;
import dev.deliverytracker.application.port.out.LogEntry;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.Origin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of recording, the same for every store: lock and load, attribute, keep, decide, write.
 * A store calls these inside the unit of work it holds open (the PostgreSQL group commit's
 * transaction, the in-memory fake's monitor), so every store takes the same decisions from
 * {@link EventAttribution} with one round of statements per batch.
 */
public final class EventRecording {

    private EventRecording() {
    }

    /** Records a batch of reported events; one outcome per event, in the order of the batch. */
    public static List<RecordOutcome> record(List<ReportedEvent> batch, LockedDeliveryLog log) {
        Set<MessageSid> sids = new LinkedHashSet<>();
        Set<MessageId> ids = new LinkedHashSet<>();
        for (ReportedEvent reported : batch) {
            sids.add(reported.event().sid());
            if (reported.lookup() instanceof MessageLookup.ById byId) {
                ids.add(byId.id());
            }
        }
        LockedMessages locked = log.lock(sids, ids);
        EventAttribution attribution = EventAttribution.of(batch, locked);
        if (!attribution.adoptions().isEmpty()) {
            attribution.adopted(adopt(attribution.adoptions(), log));
        }
        Set<String> newKeys = log.insert(attribution.toLog());
        EventAttribution.Decisions decisions = attribution.decide(newKeys);
        log.write(decisions.changed());
        return decisions.outcomes();
    }

    /**
     * A registration: the message its SID names takes the registered content and tags, or a new message
     * of origin external is stored with its SID's history. The decision is the registration's own rule:
     * a SID is one message, of one organization, and never one sent through the tracker nor one a customer
     * sent.
     */
    public static Message register(Message registration, LockedDeliveryLog log) {
        MessageSid sid = registration.sid().orElseThrow();
        LockedMessages locked = log.lock(Set.of(sid), Set.of());
        if (locked.incoming().contains(sid)) {
            throw new IllegalStateException("SID " + sid + " is a message a customer sent, not one to register");
        }
        Optional<Message> known = locked.messages().stream().filter(message -> message.sid().equals(Optional.of(sid)))
                .findFirst();
        if (known.isPresent()) {
            Message message = known.get();
            if (!message.organization().equals(registration.organization())) {
                throw new IllegalStateException("SID " + sid + " belongs to another organization");
            }
            if (message.origin() != Origin.EXTERNAL) {
                throw new IllegalStateException("SID " + sid + " is message " + message.id().orElseThrow()
                        + ", sent through the tracker; only messages other applications sent are registered");
            }
            Message described = message.describedBy(registration);
            log.describe(described);
            return described;
        }
        Message stored = adopt(List.of(registration), log).get(0);
        log.write(List.of(stored));
        log.describe(stored);
        return stored;
    }

    /** Stores the messages a batch revealed, each with what the log kept of its SID before. */
    private static List<Message> adopt(List<Message> revealed, LockedDeliveryLog log) {
        List<Message> stored = log.adopt(revealed);
        List<Message> withHistory = new ArrayList<>(stored.size());
        for (Message message : stored) {
            EventAttribution.Acceptance earlier = EventAttribution.revealed(message,
                    log.unmatched(message.sid().orElseThrow()));
            if (!earlier.attached().isEmpty()) {
                log.attach(message.id().orElseThrow(), earlier.attached());
            }
            withHistory.add(earlier.message());
        }
        return withHistory;
    }

    /**
     * Twilio accepted the message and answered its first status: the answer is kept, the early
     * callbacks the message claims are attached, and its new state is written and returned.
     */
    public static Message accept(MessageId id, DeliveryEvent answer, LockedDeliveryLog log) {
        Message message = log.lockForAcceptance(id, answer.sid());
        log.insert(List.of(LogEntry.answerTo(message, answer)));
        EventAttribution.Acceptance acceptance = EventAttribution.accept(message, answer,
                log.unmatched(answer.sid()));
        if (!acceptance.attached().isEmpty()) {
            log.attach(id, acceptance.attached());
        }
        log.write(List.of(acceptance.message()));
        return acceptance.message();
    }
}
