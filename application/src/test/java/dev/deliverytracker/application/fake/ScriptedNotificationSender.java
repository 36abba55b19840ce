package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.ReceiverAnswer;
import dev.deliverytracker.application.port.out.NotificationSender;
import dev.deliverytracker.application.port.out.OutgoingNotification;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Answers each URL as the test scripted (by default 200) and keeps every notification it was given. */
public final class ScriptedNotificationSender implements NotificationSender {

    private final Map<URI, ReceiverAnswer> answers = new HashMap<>();
    private final List<OutgoingNotification> sent = new ArrayList<>();

    public synchronized void answer(URI url, ReceiverAnswer answer) {
        answers.put(url, answer);
    }

    public synchronized List<OutgoingNotification> sent() {
        return List.copyOf(sent);
    }

    @Override
    public synchronized CompletableFuture<ReceiverAnswer> send(OutgoingNotification notification) {
        sent.add(notification);
        return CompletableFuture.completedFuture(answers.getOrDefault(notification.url(), new ReceiverAnswer.Took(200)));
    }
}
