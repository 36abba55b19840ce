package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.SubscriptionId;
import dev.deliverytracker.application.port.DeadLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Notifications between the status change that caused them and the receiver that took them. The
 * changes themselves are written by the delivery log in the unit of work of the change; this port
 * turns them into one notification per interested subscription and hands them out to workers.
 * Every method is atomic.
 */
public interface NotificationOutbox {

    /**
     * Takes up to {@code limit} status changes no other worker holds, asks {@code planner} which
     * enabled subscriptions of their organization hear of each, keeps those notifications and forgets
     * the changes, all at once. Answers how many changes were taken.
     */
    int fanOut(int limit, NotificationPlanner planner);

    /**
     * Claims up to {@code limits.batch()} due notifications of enabled subscriptions for {@code lease},
     * never more held at once than {@code limits} allow for one subscription, one status-callback host
     * and one organization's status callbacks, so one slow receiver holds only its own places.
     */
    List<DeliveryClaim> claim(ClaimLimits limits, Instant now, Duration lease);

    /** The receiver took it: it is done. */
    void delivered(long deliveryId, Instant at);

    /** The receivers took these: they are done, at once (one round trip for many posts). */
    default void delivered(List<Long> deliveryIds, Instant at) {
        deliveryIds.forEach(id -> delivered(id, at));
    }

    /** The attempt failed; try again at {@code due}. */
    void retryAt(long deliveryId, Instant due, String failure);

    /** The receiver asked to stop (410): the notification waits, unclaimed, until the subscription is enabled. */
    void release(long deliveryId);

    /** The last try failed: it becomes a dead letter. */
    void deadLetter(long deliveryId, String failure, Instant at);

    /** The organization's dead letters, newest first, of one subscription or of all. */
    List<DeadLetter> deadLetters(OrganizationId organization, Optional<SubscriptionId> subscription, int limit);

    /** A dead letter becomes due again with a fresh retry horizon; false when there is no such dead letter. */
    boolean replay(OrganizationId organization, long deliveryId, Instant now);

    /** Every dead letter of the organization (or of one subscription) becomes due again; answers how many. */
    int replayAll(OrganizationId organization, Optional<SubscriptionId> subscription, Instant now);

    /** Deletes up to {@code limit} dead letters, of every organization, that died before {@code deadBefore}. */
    int purgeDeadLetters(Instant deadBefore, int limit);
}
