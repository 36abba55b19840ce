package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.MessageGateway;
import dev.deliverytracker.application.port.out.OutgoingMessage;
import dev.deliverytracker.application.port.out.PollResult;
import dev.deliverytracker.application.port.out.SendResult;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.Sender;
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
 * A gateway that answers what the test scripted, and accepts everything else under a fresh SID (queued,
 * or accepted through a Messaging Service, as Twilio answers). It remembers what reached "Twilio",
 * including attempts it answered with a failure after storing them, finds them again by what they look
 * like (recipient, sender, content) and answers a fetch of one with its first status unless told
 * otherwise. {@link MessageGatewayContract} holds it to what twilio-java against the simulator does.
 */
public class ScriptedMessageGateway implements MessageGateway {

    private final Deque<SendResult> script = new ArrayDeque<>();
    private final List<OutgoingMessage> attempts = new ArrayList<>();
    private final List<OutgoingMessage> stored = new ArrayList<>();
    private final List<SendResult.Accepted> storedAs = new ArrayList<>();
    private boolean storeDespiteFailure;
    private final Map<MessageSid, Deque<PollResult>> fetchAnswers = new HashMap<>();
    private final Map<Address, DeliveryError> refusals = new HashMap<>();
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

    /** Every message to {@code to} is refused for good with {@code error}, as Twilio refuses an unsubscribed number. */
    public synchronized ScriptedMessageGateway refusing(Address to, DeliveryError error) {
        refusals.put(to, error);
        return this;
    }

    @Override
    public synchronized SendResult send(OutgoingMessage message) {
        attempts.add(message);
        if (refusals.containsKey(message.to())) {
            return new SendResult.Rejected(refusals.get(message.to()));
        }
        SendResult result = script.isEmpty() ? accept(message) : script.poll();
        if (result instanceof SendResult.Accepted accepted) {
            store(message, accepted);
        } else if (storeDespiteFailure) {
            store(message, accept(message));
        }
        return result;
    }

    @Override
    public synchronized List<SendResult.Accepted> findAccepted(OutgoingMessage message, Instant since) {
        List<SendResult.Accepted> found = new ArrayList<>();
        for (int i = stored.size() - 1; i >= 0; i--) {
            if (looksLike(stored.get(i), message)) {
                found.add(storedAs.get(i));
            }
        }
        return found;
    }

    /**
     * What the next fetches of {@code sid} answer, in order; the last one keeps answering. A SID with
     * nothing scripted answers its first status if this gateway took it, else {@link PollResult.NotFound}.
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
            return storedAs.stream().filter(accepted -> accepted.sid().equals(sid)).findFirst()
                    .<PollResult>map(accepted -> PollResult.Found.of(accepted.status(), DeliveryError.NONE))
                    .orElseGet(PollResult.NotFound::new);
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

    /** Twilio's look-alike: same recipient, sender and content, whichever of our messages it was sent for. */
    private static boolean looksLike(OutgoingMessage stored, OutgoingMessage message) {
        return stored.to().equals(message.to()) && stored.sender().equals(message.sender())
                && stored.content().equals(message.content());
    }

    private static SendResult.Accepted accept(OutgoingMessage message) {
        return new SendResult.Accepted(DeliveryStoreContract.randomSid(),
                message.sender() instanceof Sender.Service ? DeliveryStatus.ACCEPTED : DeliveryStatus.QUEUED);
    }
}
