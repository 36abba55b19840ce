package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.MessageGateway;
import dev.deliverytracker.application.port.out.OutgoingMessage;
import dev.deliverytracker.application.port.out.PollResult;
import dev.deliverytracker.application.port.out.SendResult;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageSid;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A gateway that answers what the test scripted, and accepts everything else under a fresh SID. It
 * remembers what reached "Twilio", including attempts it answered with a failure after storing them.
 */
public class ScriptedMessageGateway implements MessageGateway {

    private final Deque<SendResult> script = new ArrayDeque<>();
    private final List<OutgoingMessage> attempts = new ArrayList<>();
    private final List<OutgoingMessage> stored = new ArrayList<>();
    private final List<SendResult.Accepted> storedAs = new ArrayList<>();
    private boolean storeDespiteFailure;
    private final Map<MessageSid, Deque<PollResult>> fetchAnswers = new HashMap<>();
    private final List<MessageSid> fetches = new ArrayList<>();

    public ScriptedMessageGateway answer(SendResult... results) {
        script.addAll(List.of(results));
        return this;
    }

    /** The next scripted failures still store the message, as a Twilio that answers 500 after saving it would. */
    public ScriptedMessageGateway storingDespiteFailure() {
        storeDespiteFailure = true;
        return this;
    }

    @Override
    public synchronized SendResult send(OutgoingMessage message) {
        attempts.add(message);
        SendResult result = script.isEmpty() ? accept() : script.poll();
        if (result instanceof SendResult.Accepted accepted) {
            store(message, accepted);
        } else if (storeDespiteFailure) {
            store(message, accept());
        }
        return result;
    }

    @Override
    public synchronized List<SendResult.Accepted> findAccepted(OutgoingMessage message, Instant since) {
        List<SendResult.Accepted> found = new ArrayList<>();
        for (int i = stored.size() - 1; i >= 0; i--) {
            if (stored.get(i).id().equals(message.id())) {
                found.add(storedAs.get(i));
            }
        }
        return found;
    }

    /**
     * What the next fetches of {@code sid} answer, in order; the last one keeps answering. A SID with
     * nothing scripted is {@link PollResult.NotFound}.
     */
    public synchronized ScriptedMessageGateway fetchAnswers(MessageSid sid, PollResult... results) {
        fetchAnswers.computeIfAbsent(sid, key -> new ArrayDeque<>()).addAll(List.of(results));
        return this;
    }

    @Override
    public synchronized PollResult fetch(AccountSid account, MessageSid sid) {
        fetches.add(sid);
        Deque<PollResult> answers = fetchAnswers.get(sid);
        if (answers == null || answers.isEmpty()) {
            return new PollResult.NotFound();
        }
        return answers.size() == 1 ? answers.peek() : answers.poll();
    }

    /** Every SID fetched, in order. */
    public synchronized List<MessageSid> fetches() {
        return List.copyOf(fetches);
    }

    public synchronized List<OutgoingMessage> attempts() {
        return List.copyOf(attempts);
    }

    public synchronized List<OutgoingMessage> stored() {
        return List.copyOf(stored);
    }

    private void store(OutgoingMessage message, SendResult.Accepted accepted) {
        stored.add(message);
        storedAs.add(accepted);
    }

    private static SendResult.Accepted accept() {
        return new SendResult.Accepted(DeliveryStoreContract.randomSid(), DeliveryStatus.QUEUED);
    }
}
