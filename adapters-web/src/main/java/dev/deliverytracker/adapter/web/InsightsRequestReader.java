package dev.deliverytracker.adapter.web;

import dev.deliverytracker.application.port.MessageCursor;
import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.SpendGrouping;
import dev.deliverytracker.application.port.SpendQuery;
import dev.deliverytracker.application.port.StatisticsInterval;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.application.port.in.ListMessages;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Origin;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Query parameters of the insights endpoints read into filters, cursors and ranges. Every bad
 * parameter is named at once, in one {@link InvalidRequest}.
 */
public final class InsightsRequestReader {

    private static final String CURSOR_VERSION = "v1";

    private final Map<String, String> params;
    private final List<InvalidRequest.FieldError> errors = new ArrayList<>();

    private InsightsRequestReader(Map<String, String> params) {
        this.params = params;
    }

    public static InsightsRequestReader of(Map<String, String> params) {
        return new InsightsRequestReader(params);
    }

    public MessageFilter filter(OrganizationId organization) {
        MessageFilter filter = MessageFilter.all(organization);
        Optional<DeliveryStatus> status = read("status", word -> DeliveryStatus.lookup(word).orElseThrow(
                () -> new IllegalArgumentException("must be a status such as 'delivered' or 'failed', was '"
                        + printable(word) + "'")));
        Optional<Channel> channel = read("channel", Channel::parse);
        Optional<Origin> origin = origin();
        // A '+' written unencoded in a query string arrives as a space.
        Optional<Address> to = read("to", value -> Address.parseTwilio(value.startsWith(" ") ? "+" + value.substring(1)
                : value));
        Optional<Integer> errorCode = read("errorCode", value -> {
            if (!value.matches("[1-9][0-9]{0,8}")) {
                throw new IllegalArgumentException("must be a Twilio error code such as 30003, was '"
                        + printable(value) + "'");
            }
            return Integer.parseInt(value);
        });
        Optional<MessageFilter.Tag> tag = read("tag", value -> {
            int colon = value.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("must be 'key:value', was '" + printable(value) + "'");
            }
            return new MessageFilter.Tag(value.substring(0, colon), value.substring(colon + 1));
        });
        Optional<Instant> from = read("from", InsightsRequestReader::instant);
        Optional<Instant> until = read("until", InsightsRequestReader::instant);
        Optional<String> sid = read("sid", value -> {
            if (!value.matches("[A-Za-z0-9]{1,34}")) {
                throw new IllegalArgumentException("must be a Twilio SID or its start (1 to 34 letters and digits), was '"
                        + printable(value) + "'");
            }
            return value;
        });
        if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
            errors.add(new InvalidRequest.FieldError("until", "must be after 'from'"));
        }
        if (status.isPresent()) {
            filter = filter.withStatus(status.get());
        }
        if (channel.isPresent()) {
            filter = filter.withChannel(channel.get());
        }
        if (origin.isPresent()) {
            filter = filter.withOrigin(origin.get());
        }
        if (to.isPresent()) {
            filter = filter.withTo(to.get());
        }
        if (errorCode.isPresent()) {
            filter = filter.withErrorCode(errorCode.get());
        }
        if (tag.isPresent()) {
            filter = filter.withTag(tag.get());
        }
        if (from.isPresent()) {
            filter = filter.createdFrom(from.get());
        }
        if (until.isPresent()) {
            filter = filter.createdUntil(until.get());
        }
        if (sid.isPresent()) {
            filter = filter.withSidPrefix(sid.get());
        }
        return filter;
    }

    public int limit(int otherwise) {
        return read("limit", value -> {
            if (!value.matches("[0-9]{1,4}") || Integer.parseInt(value) < 1
                    || Integer.parseInt(value) > ListMessages.MAX_LIMIT) {
                throw new IllegalArgumentException("must be a whole number from 1 to " + ListMessages.MAX_LIMIT
                        + ", was '" + printable(value) + "'");
            }
            return Integer.parseInt(value);
        }).orElse(otherwise);
    }

    public Optional<MessageCursor> cursor() {
        return read("cursor", InsightsRequestReader::decode);
    }

    /** A required range: both ends present and in order. */
    public Optional<TimeRange> range() {
        Optional<Instant> from = required("from", InsightsRequestReader::instant);
        Optional<Instant> until = required("until", InsightsRequestReader::instant);
        if (from.isEmpty() || until.isEmpty()) {
            return Optional.empty();
        }
        if (!until.get().isAfter(from.get())) {
            errors.add(new InvalidRequest.FieldError("until", "must be after 'from' (" + from.get() + "), was "
                    + until.get()));
            return Optional.empty();
        }
        return Optional.of(new TimeRange(from.get(), until.get()));
    }

    public Optional<StatisticsInterval> interval() {
        return required("interval", value -> {
            for (StatisticsInterval interval : StatisticsInterval.values()) {
                if (interval.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return interval;
                }
            }
            throw new IllegalArgumentException("must be 'hour' or 'day', was '" + printable(value) + "'");
        });
    }

    /** A range short enough for the interval, named on {@code until} when it is too long. */
    public void checkSpan(Optional<TimeRange> range, Optional<StatisticsInterval> interval) {
        if (range.isPresent() && interval.isPresent()
                && range.get().length().compareTo(interval.get().longestRange()) > 0) {
            errors.add(new InvalidRequest.FieldError("until", "a range by "
                    + interval.get().name().toLowerCase(Locale.ROOT) + " may span at most "
                    + interval.get().longestRange().toDays() + " days, this one spans "
                    + range.get().length().toHours() + " hours"));
        }
    }

    /** An optional origin: {@code api} or {@code external}. */
    public Optional<Origin> origin() {
        return read("origin", word -> Origin.lookup(word).orElseThrow(() -> new IllegalArgumentException(
                "must be 'api' or 'external', was '" + printable(word) + "'")));
    }

    /** {@code channel}, {@code sender}, {@code tag:<key>}, or the total when absent. */
    public Optional<SpendGrouping> spendGrouping() {
        return Optional.of(read("by", value -> {
            if (value.equals("channel")) {
                return (SpendGrouping) new SpendGrouping.ByChannel();
            }
            if (value.equals("sender")) {
                return new SpendGrouping.BySender();
            }
            if (value.startsWith("tag:")) {
                return new SpendGrouping.ByTag(value.substring(4));
            }
            if (value.equals("total")) {
                return new SpendGrouping.Total();
            }
            throw new IllegalArgumentException("must be 'total', 'channel', 'sender' or 'tag:<key>', was '"
                    + printable(value) + "'");
        }).orElseGet(SpendGrouping.Total::new));
    }

    /** A range short enough to be summed from each message's charge, named on {@code until} when too long. */
    public void checkSpendSpan(Optional<TimeRange> range) {
        if (range.isPresent() && range.get().length().compareTo(SpendQuery.LONGEST_RANGE) > 0) {
            errors.add(new InvalidRequest.FieldError("until", "a spend range may span at most "
                    + SpendQuery.LONGEST_RANGE.toDays() + " days, this one spans " + range.get().length().toHours()
                    + " hours"));
        }
    }

    public boolean flag(String name) {
        return read(name, value -> {
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("must be 'true' or 'false', was '" + printable(value) + "'");
            }
            return Boolean.parseBoolean(value);
        }).orElse(false);
    }

    /** Throws the {@link InvalidRequest} naming every bad parameter, if there was any. */
    public void done() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    public static String encode(MessageCursor cursor) {
        String plain = CURSOR_VERSION + ":" + cursor.createdAt().getEpochSecond() + ":" + cursor.createdAt().getNano()
                + ":" + cursor.id().value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static MessageCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":");
            if (parts.length == 4 && parts[0].equals(CURSOR_VERSION)) {
                return new MessageCursor(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                        MessageId.parse(parts[3]));
            }
        } catch (IllegalArgumentException e) {
            // Reported below as one message: a cursor's inside is not the caller's business.
        }
        throw new IllegalArgumentException("is not a cursor this API gave out; pass the 'next' of a previous page");
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 time such as 2026-01-31T00:00:00Z, was '"
                    + printable(value) + "'");
        }
    }

    private <T> Optional<T> required(String name, Function<String, T> parse) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            errors.add(new InvalidRequest.FieldError(name, "is required"));
            return Optional.empty();
        }
        return read(name, parse);
    }

    private <T> Optional<T> read(String name, Function<String, T> parse) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(value));
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidRequest.FieldError(name, e.getMessage()));
            return Optional.empty();
        }
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return shown.replaceAll("[^\\x20-\\x7e…]", "?");
    }
}
