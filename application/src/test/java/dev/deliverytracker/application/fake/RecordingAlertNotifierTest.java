package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.AlertNotifier;
import dev.deliverytracker.domain.WebhookUrl;
import java.util.concurrent.atomic.AtomicInteger;

class RecordingAlertNotifierTest extends AlertNotifierContract {

    private final RecordingAlertNotifier notifier = new RecordingAlertNotifier();
    private final AtomicInteger hooks = new AtomicInteger();

    @Override
    protected AlertNotifier notifier() {
        return notifier;
    }

    @Override
    protected WebhookUrl answering(int status) {
        WebhookUrl url = WebhookUrl.parse("https://hooks.example.com/services/T" + hooks.incrementAndGet() + "/secret");
        notifier.answers(url, status);
        return url;
    }

    @Override
    protected WebhookUrl unreachable() {
        WebhookUrl url = WebhookUrl.parse("https://nowhere.example.com/services/T" + hooks.incrementAndGet() + "/secret");
        notifier.answers(url, 0);
        return url;
    }

    @Override
    protected int received(WebhookUrl webhook) {
        return (int) notifier.notifications().stream().filter(n -> n.rule().webhook().equals(webhook)).count();
    }
}
