package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.ReceiverAnswer;
import dev.deliverytracker.application.port.out.NotificationSender;
import dev.deliverytracker.application.port.out.OutgoingNotification;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Answers each URL as the test scripted (by default 200) and keeps every notification it posted; one
 * whose answer is {@link ReceiverAnswer.Forbidden} is not posted, as the real sender's address rules
 * keep it from the network.
 */
public final class ScriptedNotificationSender implements NotificationSender {

    private final Map<URI, ReceiverAnswer> answers = new HashMap<>();
    private final List<OutgoingNotification> sent = new ArrayList<>();

    public synchronized void answer(URI url, ReceiverAnswer answer) {
        answers.put(url, answer);
    }

    /** The receiver at {@code url} answers {@code status}, read as the HTTP sender reads it. */
    public synchronized void answerStatus(URI url, int status) {
        answer(url, status >= 200 && status < 300 ? new ReceiverAnswer.Took(status)
                : status == 410 ? new ReceiverAnswer.Gone() : new ReceiverAnswer.Declined(status));
    }

    public synchronized List<OutgoingNotification> sent() {
        return List.copyOf(sent);
    }

    @Override
    public synchronized CompletableFuture<ReceiverAnswer> send(OutgoingNotification notification) {
        ReceiverAnswer answer = answers.getOrDefault(notification.url(), new ReceiverAnswer.Took(200));
        if (!(answer instanceof ReceiverAnswer.Forbidden)) {
            sent.add(notification);
        }
        return CompletableFuture.completedFuture(answer);
    }

    /** It answers at once. */
    @Override
    public Duration longestExchange() {
        return Duration.ZERO;
    }

    /** It carries any number at once. */
    @Override
    public int postsPerReceiver() {
        return Integer.MAX_VALUE;
    }
}
