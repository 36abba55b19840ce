package dev.deliverytracker.adapter.web.outbound;

import dev.deliverytracker.application.port.ReceiverAnswer;
import dev.deliverytracker.application.port.out.NotificationSender;
import dev.deliverytracker.application.port.out.OutgoingNotification;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts notifications with Apache HttpClient's asynchronous client: no thread waits on a receiver, so a
 * slow or dead one costs only its own claims (the outbox limits those per subscription) and never a
 * worker another receiver or the callback intake needs. Connect and answer are each bounded by a
 * timeout; redirects are not followed; nothing is retried by the client (the outbox retries).
 *
 * <p>The client resolves host names only through {@link ReceiverAddressGuard#admittedAddresses}: the
 * addresses the SSRF rules checked are the ones it connects to, so a name that points elsewhere a moment
 * later (DNS rebinding) cannot take a post inward. TLS still verifies the certificate against the host
 * name of the URL.
 */
public final class HttpNotificationSender implements NotificationSender, AutoCloseable {

    /** How long an unused connection to a receiver is kept open for its next post. */
    private static final TimeValue IDLE = TimeValue.ofSeconds(30);

    private final ReceiverAddressGuard guard;
    private final Executor executor;
    private final CloseableHttpAsyncClient https;
    private final CloseableHttpAsyncClient http;
    private final Duration longestExchange;
    private final int connectionsPerReceiver;

    /**
     * @param connectionsPerReceiver connections kept open to one host and port: at least the number of
     *                               notifications a subscription or a status-callback host may have in
     *                               flight, so none waits for one
     */
    public HttpNotificationSender(ReceiverAddressGuard guard, Duration connectTimeout, Duration answerTimeout,
            int connectionsPerReceiver, Executor executor) {
        this.guard = guard;
        this.executor = executor;
        this.https = client("https", connectTimeout, answerTimeout, connectionsPerReceiver);
        this.http = client("http", connectTimeout, answerTimeout, connectionsPerReceiver);
        this.longestExchange = connectTimeout.plus(answerTimeout);
        this.connectionsPerReceiver = connectionsPerReceiver;
    }

    /** A connection, then the answer: each waited for at most its timeout. */
    @Override
    public Duration longestExchange() {
        return longestExchange;
    }

    @Override
    public int postsPerReceiver() {
        return connectionsPerReceiver;
    }

    private CloseableHttpAsyncClient client(String scheme, Duration connectTimeout, Duration answerTimeout,
            int connectionsPerReceiver) {
        DnsResolver pinned = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return guard.admittedAddresses(scheme, host).toArray(InetAddress[]::new);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(pinned)
                        .setMaxConnPerRoute(connectionsPerReceiver)
                        // No pool-wide bound for one receiver's posts to wait behind another's: what is in flight
                        // is bounded by the outbox's claims (per subscription, per callback host, per organization).
                        .setMaxConnTotal(Integer.MAX_VALUE)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(answerTimeout)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout.plus(answerTimeout)))
                        .setResponseTimeout(Timeout.of(answerTimeout)).build())
                // Connections to the many hosts of many callback URLs are not kept once idle.
                .evictIdleConnections(IDLE)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("delivery-tracker-notifications")
                .build();
        client.start();
        return client;
    }

    /** Started on the sender's threads: opening a connection resolves the host, which may block. */
    @Override
    public CompletableFuture<ReceiverAnswer> send(OutgoingNotification notification) {
        Optional<String> refusal = guard.refusalBeforeResolving(notification.url());
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(new ReceiverAnswer.Forbidden(refusal.get()));
        }
        // The answer arrives on the client's I/O thread; what the caller does with it (writing the outcome to
        // the database) runs on the sender's threads, so a slow write never stalls other receivers' I/O.
        return CompletableFuture.supplyAsync(() -> post(notification), executor)
                .thenCompose(answer -> answer)
                .exceptionally(HttpNotificationSender::unreachable)
                .thenApplyAsync(answer -> answer, executor);
    }

    private CompletableFuture<ReceiverAnswer> post(OutgoingNotification notification) {
        URI url = notification.url();
        long timestamp = notification.sentAt().getEpochSecond();
        CompletableFuture<ReceiverAnswer> answer = new CompletableFuture<>();
        CloseableHttpAsyncClient client = "http".equalsIgnoreCase(url.getScheme()) ? http : https;
        client.execute(AsyncRequestBuilder.post(url)
                        .addHeader("webhook-id", notification.eventId())
                        .addHeader("webhook-timestamp", Long.toString(timestamp))
                        .addHeader("webhook-signature", StandardWebhookSignature.header(notification.eventId(),
                                timestamp, notification.body(), notification.secrets()))
                        .setEntity(notification.body().getBytes(StandardCharsets.UTF_8),
                                ContentType.create("application/json"))
                        .build(),
                new BasicResponseConsumer<>(new DiscardingEntityConsumer<Void>()),
                new FutureCallback<Message<HttpResponse, Void>>() {
                    @Override
                    public void completed(Message<HttpResponse, Void> response) {
                        answer.complete(answer(response.getHead().getCode()));
                    }

                    @Override
                    public void failed(Exception failure) {
                        answer.complete(unreachable(failure));
                    }

                    @Override
                    public void cancelled() {
                        answer.complete(new ReceiverAnswer.Unreachable("cancelled"));
                    }
                });
        return answer;
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
        for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
            if (inner instanceof ReceiverAddressGuard.RefusedAddress refused) {
                return new ReceiverAnswer.Forbidden(refused.getMessage());
            }
        }
        if (cause instanceof java.net.SocketTimeoutException
                || cause instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException) {
            return new ReceiverAnswer.Unreachable("no answer in time (" + cause.getMessage() + ")");
        }
        return new ReceiverAnswer.Unreachable(cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }

    @Override
    public void close() {
        https.close(CloseMode.GRACEFUL);
        http.close(CloseMode.GRACEFUL);
    }
}
