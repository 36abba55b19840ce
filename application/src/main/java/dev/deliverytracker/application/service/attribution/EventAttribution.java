package dev.deliverytracker.application.service.attribution;

import dev.deliverytracker.application.port.RecordOutcome;
import dev.deliverytracker.application.port.out.LockedMessages;
import dev.deliverytracker.application.port.out.LogEntry;
import dev.deliverytracker.application.port.out.MessageLookup;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.UnmatchedEvent;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.DeliveryEvent;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an event means, decided once for every store: which message it belongs to, whether it is news
 * or a duplicate, and how the message's state moves. Pure: the facts come in (the batch, the messages
 * the store locked for it, the SIDs of superseded attempts, which dedupe keys the log took as new),
 * the decisions go out. The rules:
 * <ul>
 * <li>An event only ever touches a message of the organization whose account reported it.</li>
 * <li>Our id in the callback URL finds the message before its SID is stored, unless the message
 * already has another SID; otherwise the SID finds it. A callback that outran Twilio's answer to the
 * send teaches the message its SID, so later events of the same batch find it by SID.</li>
 * <li>A report on a superseded attempt is history of its message, but the latest attempt decides
 * the status.</li>
 * <li>An event that no message claims, whose URL carries no id of ours, reveals a message another
 * application sent on the organization's account: it is adopted as a message of origin external when
 * the organization adopts (the default), kept unmatched when it says so, and not kept at all when it
 * refuses. A callback with our id that finds nothing stays ours: it is kept unmatched.</li>
 * <li>A report naming the SID of a message a customer sent (direction incoming) moves nothing and
 * adopts nothing: it is kept unmatched.</li>
 * <li>The first report of a dedupe key that the log took as new is recorded (or unmatched, when no
 * message claims it); every other report of it is a duplicate.</li>
 * </ul>
 * Used in steps, because the store gives adopted messages their ids, the log needs the attribution to
 * keep the events, and the decision needs to know which of them were new: {@link #of}, then
 * {@link #adoptions()} for the store and {@link #adopted(List)} with its answer, then {@link #toLog()}
 * for the store, then {@link #decide(Set)}.
 */
public final class EventAttribution {

    private final List<ReportedEvent> batch;
    private final Map<MessageId, Message> locked;
    private final List<Message> targets;
    private final List<Boolean> earlierAttempts;
    private final Map<String, Integer> firstOfKey;
    private final List<Boolean> refused;
    /** Messages revealed by this batch, not stored yet, and for each the events of the batch it claims. */
    private final List<Message> adoptions;
    private final List<List<Integer>> adoptionEvents;
    private final Set<MessageId> adopted = new LinkedHashSet<>();

    private EventAttribution(List<ReportedEvent> batch, Map<MessageId, Message> locked, List<Message> targets,
            List<Boolean> earlierAttempts, Map<String, Integer> firstOfKey, List<Boolean> refused,
            List<Message> adoptions, List<List<Integer>> adoptionEvents) {
        this.batch = batch;
        this.locked = locked;
        this.targets = targets;
        this.earlierAttempts = earlierAttempts;
        this.firstOfKey = firstOfKey;
        this.refused = refused;
        this.adoptions = adoptions;
        this.adoptionEvents = adoptionEvents;
    }

    /** Attributes each event of the batch, in order, to one of the locked messages or to none. */
    public static EventAttribution of(List<ReportedEvent> batch, LockedMessages facts) {
        Candidates candidates = new Candidates(facts);
        List<Message> targets = new ArrayList<>();
        Map<String, Integer> firstOfKey = new LinkedHashMap<>();
        List<Boolean> refused = new ArrayList<>();
        List<Message> adoptions = new ArrayList<>();
        List<List<Integer>> adoptionEvents = new ArrayList<>();
        Map<AdoptionKey, Integer> revealed = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            ReportedEvent reported = batch.get(i);
            Message target = candidates.target(reported);
            if (target == null) {
                target = candidates.earlierAttemptOf(reported);
            }
            // A SID of a message a customer sent names nothing we sent nor anything to adopt: kept unmatched.
            boolean notOurs = target == null && reported.lookup() instanceof MessageLookup.BySid
                    && !candidates.isIncoming(reported);
            refused.add(notOurs && reported.adoption() == AdoptionPolicy.REFUSE);
            if (notOurs && reported.adoption() == AdoptionPolicy.ADOPT) {
                AdoptionKey key = new AdoptionKey(reported.organization(), reported.event().sid());
                Integer adoption = revealed.get(key);
                if (adoption == null) {
                    Optional<Message> message = AdoptedMessages.from(reported);
                    if (message.isPresent()) {
                        adoption = adoptions.size();
                        revealed.put(key, adoption);
                        adoptions.add(message.get());
                        adoptionEvents.add(new ArrayList<>());
                    }
                }
                if (adoption != null) {
                    target = adoptions.get(adoption);
                    adoptionEvents.get(adoption).add(i);
                }
            }
            targets.add(target);
            if (target != null && target.sid().isEmpty() && !candidates.isEarlierAttempt(reported)) {
                // A callback that outran the send answer names the SID first: later events find it by SID.
                candidates.learnSid(target, reported.event().sid());
            }
            firstOfKey.putIfAbsent(reported.event().dedupeKey(), i);
        }
        List<Boolean> earlier = batch.stream().map(candidates::isEarlierAttempt).toList();
        return new EventAttribution(List.copyOf(batch), candidates.byId, targets, earlier, firstOfKey, refused,
                adoptions, adoptionEvents);
    }

    /** The messages this batch revealed, to be stored before its events; none when nothing is adopted. */
    public List<Message> adoptions() {
        return List.copyOf(adoptions);
    }

    /**
     * The store kept the {@link #adoptions()}, in their order, gave them ids and attached what it had
     * kept of them before (see {@link #revealed}): the events of the batch they claim now belong to them,
     * and their state is written whatever the batch's events turn out to be.
     */
    public void adopted(List<Message> stored) {
        if (stored.size() != adoptions.size()) {
            throw new IllegalArgumentException("the store answered " + stored.size() + " adopted messages for "
                    + adoptions.size());
        }
        for (int i = 0; i < adoptions.size(); i++) {
            Message withId = stored.get(i);
            MessageId id = withId.id().orElseThrow();
            locked.put(id, withId);
            adopted.add(id);
            for (int event : adoptionEvents.get(i)) {
                targets.set(event, withId);
            }
        }
    }

    /** The entries the log keeps: the first report of each dedupe key, in the organization's log it belongs to. */
    public List<LogEntry> toLog() {
        List<LogEntry> entries = new ArrayList<>(firstOfKey.size());
        for (int i : firstOfKey.values()) {
            if (refused.get(i)) {
                continue;
            }
            ReportedEvent reported = batch.get(i);
            Message target = targets.get(i);
            entries.add(target == null ? LogEntry.of(reported, reported.organization(), Optional.empty())
                    : LogEntry.of(reported, target.organization(), target.id()));
        }
        return entries;
    }

    /**
     * One outcome per event, in the order of the batch, and the messages whose state moved, given the
     * dedupe keys the log took as new.
     */
    public Decisions decide(Set<String> newKeys) {
        List<RecordOutcome> outcomes = new ArrayList<>(batch.size());
        Map<MessageId, Message> current = new HashMap<>(locked);
        Set<MessageId> changed = new LinkedHashSet<>(adopted);
        for (int i = 0; i < batch.size(); i++) {
            DeliveryEvent event = batch.get(i).event();
            boolean first = firstOfKey.get(event.dedupeKey()) == i;
            Message target = targets.get(i);
            if (refused.get(i)) {
                outcomes.add(new RecordOutcome.NotTracked(event.sid(), event.status()));
            } else if (!first || !newKeys.contains(event.dedupeKey())) {
                outcomes.add(new RecordOutcome.Duplicate(event.sid(), event.status()));
            } else if (target == null) {
                outcomes.add(new RecordOutcome.Unmatched(event.sid(), event.status()));
            } else if (earlierAttempts.get(i)) {
                // History of an attempt that was superseded: kept, but the latest attempt decides the status.
                MessageId id = target.id().orElseThrow();
                outcomes.add(new RecordOutcome.Recorded(id, event.sid(), event.status(), current.get(id).status()));
            } else {
                MessageId id = target.id().orElseThrow();
                Message message = current.get(id);
                if (message.sid().isEmpty()) {
                    message = message.acceptedAs(event.sid());
                }
                message = message.apply(event);
                current.put(id, message);
                changed.add(id);
                outcomes.add(new RecordOutcome.Recorded(id, event.sid(), event.status(), message.status()));
            }
        }
        return new Decisions(outcomes, changed.stream().map(current::get).toList());
    }

    /**
     * Twilio accepted {@code message} (as the store locked it) and answered {@code answer}: the message
     * takes the SID (one more attempt, unless it already learnt this SID from an early callback), and the
     * unmatched events of that SID that its own organization's account reported are attached and taken
     * into account. Another tenant's account reporting the same SID is not evidence.
     */
    public static Acceptance accept(Message message, DeliveryEvent answer, List<UnmatchedEvent> unmatched) {
        Message accepted = message.sid().equals(Optional.of(answer.sid())) ? message
                : message.acceptedAs(answer.sid());
        List<UnmatchedEvent> ours = unmatched.stream()
                .filter(early -> early.event().sid().equals(answer.sid()))
                .filter(early -> early.organization().equals(message.organization()))
                .toList();
        accepted = accepted.apply(answer);
        for (UnmatchedEvent early : ours) {
            accepted = accepted.apply(early.event());
        }
        return new Acceptance(accepted, ours);
    }

    /**
     * A message just adopted claims what was kept of its SID before, unmatched (callbacks that came
     * before the organization adopted, or before its first readable one), if its own organization's
     * account reported it.
     */
    public static Acceptance revealed(Message adopted, List<UnmatchedEvent> unmatched) {
        MessageSid sid = adopted.sid().orElseThrow();
        List<UnmatchedEvent> ours = unmatched.stream()
                .filter(early -> early.event().sid().equals(sid))
                .filter(early -> early.organization().equals(adopted.organization()))
                .toList();
        Message withHistory = adopted;
        for (UnmatchedEvent early : ours) {
            withHistory = withHistory.apply(early.event());
        }
        return new Acceptance(withHistory, ours);
    }

    private record AdoptionKey(OrganizationId organization, MessageSid sid) {
    }

    /** One outcome per event of the batch, in its order, and the new state of every message that moved. */
    public record Decisions(List<RecordOutcome> outcomes, List<Message> changed) {

        public Decisions {
            outcomes = List.copyOf(outcomes);
            changed = List.copyOf(changed);
        }
    }

    /** The accepted message's new state, and the early events it claims. */
    public record Acceptance(Message message, List<UnmatchedEvent> attached) {

        public Acceptance {
            attached = List.copyOf(attached);
        }
    }

    /** The locked messages, found the way a single event finds its own. */
    private static final class Candidates {
        private final Map<MessageId, Message> byId = new HashMap<>();
        private final Map<MessageSid, Message> bySid = new HashMap<>();
        private final Map<MessageSid, MessageId> earlierAttempts;
        private final Set<MessageSid> incoming;

        Candidates(LockedMessages facts) {
            this.earlierAttempts = facts.earlierAttempts();
            this.incoming = facts.incoming();
            for (Message message : facts.messages()) {
                byId.put(message.id().orElseThrow(), message);
                message.sid().ifPresent(sid -> bySid.put(sid, message));
            }
        }

        /** Only a message of the organization whose account sent the event; never another tenant's. */
        Message target(ReportedEvent reported) {
            OrganizationId organization = reported.organization();
            MessageSid sid = reported.event().sid();
            if (reported.lookup() instanceof MessageLookup.ById byOurId) {
                Message message = byId.get(byOurId.id());
                if (message != null && message.organization().equals(organization)
                        && message.sid().map(sid::equals).orElse(true)) {
                    return message;
                }
            }
            Message message = bySid.get(sid);
            return message != null && message.organization().equals(organization) ? message : null;
        }

        /** The message whose earlier (superseded) attempt had this SID, if it is of this organization. */
        Message earlierAttemptOf(ReportedEvent reported) {
            MessageId id = earlierAttempts.get(reported.event().sid());
            Message message = id == null ? null : byId.get(id);
            return message != null && message.organization().equals(reported.organization()) ? message : null;
        }

        boolean isIncoming(ReportedEvent reported) {
            return incoming.contains(reported.event().sid());
        }

        boolean isEarlierAttempt(ReportedEvent reported) {
            MessageSid sid = reported.event().sid();
            return earlierAttempts.containsKey(sid) && !bySid.containsKey(sid);
        }

        void learnSid(Message message, MessageSid sid) {
            bySid.putIfAbsent(sid, message);
        }
    }
}
