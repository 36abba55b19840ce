package dev.deliverytracker.adapter.web.outbound;

import dev.deliverytracker.application.port.ReceiverAnswer;
import dev.deliverytracker.application.port.out.NotificationSender;
import dev.deliverytracker.application.port.out.OutgoingNotification;
import dev.deliverytracker.application.port.out.ReceiverAddresses;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Posts notifications with the JDK's HTTP client, asynchronously: no thread waits on a receiver, so a
 * slow or dead one costs only its own claims (the outbox limits those per subscription) and never a
 * worker another receiver or the callback intake needs. Connect and answer are each bounded by a
 * timeout; redirects are not followed; the address rules are checked before every post.
 */
public final class HttpNotificationSender implements NotificationSender {

    private final HttpClient http;
    private final ReceiverAddresses addresses;
    private final Duration answerTimeout;
    private final Executor executor;

    public HttpNotificationSender(ReceiverAddresses addresses, Duration connectTimeout, Duration answerTimeout,
            Executor executor) {
        this.executor = executor;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).executor(executor).build();
        this.addresses = addresses;
        this.answerTimeout = answerTimeout;
    }

    /** The address check resolves the host, so it too runs on the sender's threads, not the caller's. */
    @Override
    public CompletableFuture<ReceiverAnswer> send(OutgoingNotification notification) {
        return CompletableFuture.supplyAsync(() -> addresses.refusal(notification.url()), executor)
                .thenCompose(refusal -> refusal.<CompletableFuture<ReceiverAnswer>>map(reason ->
                        CompletableFuture.completedFuture(new ReceiverAnswer.Forbidden(reason)))
                        .orElseGet(() -> post(notification)))
                .exceptionally(HttpNotificationSender::unreachable);
    }

    private CompletableFuture<ReceiverAnswer> post(OutgoingNotification notification) {
        long timestamp = notification.sentAt().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(notification.url()).timeout(answerTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "delivery-tracker-notifications")
                .header("webhook-id", notification.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", StandardWebhookSignature.header(notification.eventId(), timestamp,
                        notification.body(), notification.secrets()))
                .POST(HttpRequest.BodyPublishers.ofString(notification.body())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null ? answer(response.statusCode()) : unreachable(failure));
    }

    private static ReceiverAnswer answer(int status) {
        if (status >= 200 && status < 300) {
            return new ReceiverAnswer.Took(status);
        }
        return status == 410 ? new ReceiverAnswer.Gone() : new ReceiverAnswer.Declined(status);
    }

    private static ReceiverAnswer unreachable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof HttpTimeoutException) {
            return new ReceiverAnswer.Unreachable("no answer in time (" + cause.getMessage() + ")");
        }
        return new ReceiverAnswer.Unreachable(cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }
}
