package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.DeliveryTimeHistogram;
import dev.deliverytracker.application.port.StatisticsInterval;

import dev.deliverytracker.application.port.ConversationMessage;
import dev.deliverytracker.application.port.MessageCursor;
import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.application.port.TimelineEvent;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Origin;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Read-only questions about messages and their history, always within one organization. */
public interface MessageQueries {

    Optional<MessageSummary> find(OrganizationId organization, MessageId id);

    /** Every event of the message, send failures included, oldest first. */
    List<TimelineEvent> events(OrganizationId organization, MessageId id, boolean withPayload);

    /** Newest first by (created at, id), strictly after the cursor when there is one. */
    List<MessageSummary> page(MessageFilter filter, Optional<MessageCursor> after, int limit);

    /**
     * A conversation with one person on one channel: the messages sent to them and the ones they sent (direction
     * incoming, from them), newest first by (created at, id), at most {@code limit}.
     */
    List<ConversationMessage> conversation(OrganizationId organization, Address person, int limit);

    /** As {@link #page} without a limit, streamed from the database; answers how many were handed over. */
    long each(MessageFilter filter, Consumer<MessageSummary> sink);

    /** Failed and undelivered messages by error code ({@code 0}: none given), failed in the range. */
    List<FailureCount> failures(OrganizationId organization, TimeRange failedBetween);

    /*
     * The statistics below read an hourly rollup: ranges are whole UTC hours (the service widens them).
     * An origin, when given, counts only the messages of that origin; empty counts both.
     */

    /** Messages created in the range, counted per bucket, channel and current status. */
    List<StatusCount> statusCounts(OrganizationId organization, TimeRange created, StatisticsInterval interval,
            Optional<Origin> origin);

    /** Delivered messages per bucket and channel, counted by time-to-deliver bucket ({@link DeliveryTimeHistogram}). */
    List<DeliveryTimeCount> deliveryTimes(OrganizationId organization, TimeRange created, StatisticsInterval interval,
            Optional<Origin> origin);

    /** Error codes of messages created in the range, per bucket and channel. */
    List<ErrorCountRow> errorCounts(OrganizationId organization, TimeRange created, StatisticsInterval interval,
            Optional<Origin> origin);

    record FailureCount(int errorCode, long failed, long undelivered) {
    }

    record StatusCount(Instant bucket, Channel channel, DeliveryStatus status, long count) {
    }

    /** {@code count} messages of the bucket and channel took a time in histogram bucket {@code histogramBucket}. */
    record DeliveryTimeCount(Instant bucket, Channel channel, int histogramBucket, long count) {
    }

    /**
     * {@code sender}: the From number, else the Messaging Service SID; empty when the message was sent
     * from the organization's default.
     */
    record SenderCount(String sender, Channel channel, DeliveryStatus status, long count) {
    }

    /** Messages created in the range per sender, channel and current status, over the whole range. */
    List<SenderCount> senderCounts(OrganizationId organization, TimeRange created, Optional<Origin> origin);

    /** Messages sent through the tracker or adopted from other applications, by channel and current status. */
    record OriginCount(Origin origin, Channel channel, DeliveryStatus status, long count) {
    }

    /** Counts by origin, channel and status over the whole range (whole UTC hours). */
    List<OriginCount> originCounts(OrganizationId organization, TimeRange created);

    record ErrorCountRow(Instant bucket, Channel channel, int code, long count) {
    }
}
