package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The delivery log inside one unit of work that its implementation holds open (a transaction, a
 * monitor): facts in, facts out, no decisions. Which message an event belongs to, what a late or
 * early report means and how a status moves are decided by the application
 * ({@code service.attribution}) between these calls. Locks are taken in one order, SIDs first, then
 * messages, then the log, so that units of work cannot deadlock each other.
 */
public interface LockedDeliveryLog {

    /**
     * Locks these SIDs, finds the superseded attempts that had one of them, and locks and loads every
     * message with one of these ids, one of these SIDs, or one of those earlier attempts.
     */
    LockedMessages lock(Set<MessageSid> sids, Set<MessageId> ids);

    /** Locks the SID and then the message about to be accepted under it; the message must exist. */
    Message lockForAcceptance(MessageId id, MessageSid sid);

    /**
     * Stores these messages, which other applications sent and callbacks just revealed, each with its
     * SID; answers them with their ids, in the same order. Their SIDs are locked already ({@link #lock}).
     */
    List<Message> adopt(List<Message> adopted);

    /** Writes what a message says and its tags (a registration), beside its state. */
    void describe(Message message);

    /** Keeps these entries, each once per dedupe key; answers the dedupe keys that were new. */
    Set<String> insert(List<LogEntry> entries);

    /** The events of this SID that no message claimed yet, of every organization. */
    List<UnmatchedEvent> unmatched(MessageSid sid);

    /** Attaches these (so far unmatched) events to the message. */
    void attach(MessageId id, List<UnmatchedEvent> events);

    /** Writes the state of these messages: SID, status, error, milestones, attempts. */
    void write(Collection<Message> messages);
}
