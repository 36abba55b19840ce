package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.ReceiverAnswer;
import dev.deliverytracker.application.port.out.NotificationSender;
import dev.deliverytracker.application.port.out.OutgoingNotification;
import java.net.URI;
import java.util.List;
import java.util.UUID;

class ScriptedNotificationSenderTest extends NotificationSenderContract {

    private final ScriptedNotificationSender sender = new ScriptedNotificationSender();

    @Override
    protected NotificationSender sender() {
        return sender;
    }

    @Override
    protected URI answering(int status) {
        URI url = fresh();
        sender.answerStatus(url, status);
        return url;
    }

    @Override
    protected URI unreachable() {
        URI url = fresh();
        sender.answer(url, new ReceiverAnswer.Unreachable("ConnectException"));
        return url;
    }

    @Override
    protected URI forbidden() {
        URI url = URI.create("https://10.0.0.1/" + UUID.randomUUID());
        sender.answer(url, new ReceiverAnswer.Forbidden("10.0.0.1 is a private address"));
        return url;
    }

    @Override
    protected List<String> receivedAt(URI url) {
        return sender.sent().stream().filter(sent -> sent.url().equals(url)).map(OutgoingNotification::body).toList();
    }

    private static URI fresh() {
        return URI.create("https://receiver.example.com/" + UUID.randomUUID());
    }
}
