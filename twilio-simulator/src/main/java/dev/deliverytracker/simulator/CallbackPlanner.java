package dev.deliverytracker.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a message and its outcome into the status callbacks Twilio would post, then applies the
 * behaviour's chaos: duplicates and shuffling.
 */
final class CallbackPlanner {

    static final String API_VERSION = "2010-04-01";

    private final Random random;
    private final SidGenerator sids;
    private final Clock clock;
    /** WhatsApp sender installs, one per account, like a real account's channel. */
    private final Map<String, String> channelInstalls = new ConcurrentHashMap<>();

    CallbackPlanner(Random random, SidGenerator sids, Clock clock) {
        this.random = random;
        this.sids = sids;
        this.clock = clock;
    }

    /** The outcome of a new message: the first matching rule, else the random failure rate, else the default. */
    static Outcome decide(String to, Behaviour behaviour, Random random) {
        for (OutcomeRule rule : behaviour.rules()) {
            if (rule.appliesTo(to)) {
                return rule.outcome();
            }
        }
        if (behaviour.failureRate() > 0 && chance(random, behaviour.failureRate())) {
            return Outcome.failed(behaviour.failureCode());
        }
        return behaviour.defaultOutcome();
    }

    List<CallbackEvent> plan(SimulatedMessage message, Outcome outcome, Behaviour behaviour) {
        List<CallbackEvent> events = new ArrayList<>();
        int step = message.statusStep();
        for (String status : statuses(message, outcome)) {
            step++;
            int code = "failed".equals(status) || "undelivered".equals(status) ? outcome.errorCode() : 0;
            events.add(new CallbackEvent(message.sid(), message.accountSid(), status, step, code,
                    params(message, status, code), token(), false));
        }
        List<CallbackEvent> withDuplicates = new ArrayList<>();
        for (CallbackEvent event : events) {
            withDuplicates.add(event);
            if (chance(random, behaviour.duplicateRate())) {
                // Twilio sends the same event again as a new delivery, so with a new token:
                // the receiver must dedupe on the event, not only on the token.
                withDuplicates.add(event.asDuplicate(token()));
            }
        }
        if (withDuplicates.size() > 1 && chance(random, behaviour.outOfOrderRate())) {
            List<CallbackEvent> original = List.copyOf(withDuplicates);
            synchronized (random) {
                // A shuffle can give the same order back; keep drawing so "out of order" means it.
                do {
                    Collections.shuffle(withDuplicates, random);
                } while (withDuplicates.equals(original));
            }
        }
        return withDuplicates;
    }

    private static List<String> statuses(SimulatedMessage message, Outcome outcome) {
        List<String> statuses = new ArrayList<>();
        if (outcome.kind() == Outcome.Kind.NO_CALLBACKS || outcome.kind() == Outcome.Kind.REJECT) {
            return statuses;
        }
        if (!message.messagingServiceSid().isEmpty()) {
            // Created as "accepted"; the service's move to "queued" is posted.
            statuses.add("queued");
        }
        switch (outcome.kind()) {
            case DELIVERED:
                statuses.addAll(List.of("sent", "delivered"));
                break;
            case READ:
                statuses.addAll(message.channel() == Channel.WHATSAPP ? List.of("sent", "delivered", "read") : List.of("sent", "delivered"));
                break;
            case SENT:
                statuses.add("sent");
                break;
            case FAILED:
                statuses.add("failed");
                break;
            case UNDELIVERED:
                statuses.addAll(List.of("sent", "undelivered"));
                break;
            default:
                break;
        }
        return statuses;
    }

    private Map<String, String> params(SimulatedMessage message, String status, int errorCode) {
        Instant now = clock.instant();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SmsSid", message.sid());
        params.put("SmsStatus", status);
        params.put("MessageStatus", status);
        params.put("To", message.to());
        if (!message.messagingServiceSid().isEmpty()) {
            params.put("MessagingServiceSid", message.messagingServiceSid());
        }
        params.put("MessageSid", message.sid());
        params.put("AccountSid", message.accountSid());
        params.put("From", message.from());
        params.put("ApiVersion", API_VERSION);
        if (errorCode != 0) {
            params.put("ErrorCode", Integer.toString(errorCode));
            if ("failed".equals(status)) {
                // Twilio adds ErrorMessage only sometimes; receivers must map the code themselves.
                params.put("ErrorMessage", ErrorTitles.of(errorCode));
            }
        }
        if (message.channel() == Channel.WHATSAPP) {
            params.put("ChannelPrefix", "whatsapp");
            params.put("ChannelInstallSid", channelInstalls.computeIfAbsent(message.accountSid(), account -> sids.next("XE")));
            params.put("ChannelToAddress", Channel.withoutPrefix(message.to()));
            if (errorCode != 0) {
                params.put("ChannelStatusMessage", ErrorTitles.of(errorCode));
            }
            if ("read".equals(status)) {
                params.put("EventType", "READ");
            }
        } else if ("delivered".equals(status) || "undelivered".equals(status)) {
            params.put("RawDlrDoneDate", TwilioDates.rawDlrDoneDate(now));
        }
        return params;
    }

    private String token() {
        return sids.next("").substring(0, 32);
    }

    static boolean chance(Random random, double rate) {
        if (rate <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }
}
