package dev.deliverytracker.simulator;

import dev.deliverytracker.simulator.ConnectionOverrides.Failure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts status callbacks the way Twilio does: form-encoded, signed, one message's events one
 * after another with the behaviour's delays, and retried per the URL's connection overrides.
 * Nothing blocks a thread while it waits: waits are scheduled, requests are asynchronous.
 */
final class CallbackDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);
    static final String USER_AGENT = "TwilioProxy/1.1";

    private final AccountRegistry accounts;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService httpExecutor;
    private final ExecutorService posters;
    private final Random random;
    private final Clock clock;
    private final long retryBackoffMs;
    /** One client per connect timeout: the JDK client fixes it per client, the URL sets it per callback. */
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();
    private final RecentAttempts attempts = new RecentAttempts();

    /**
     * @param posters threads that each post one callback and wait for its answer. Not the JDK client's
     *                {@code sendAsync}: its answer is handed to the common pool, which on a machine of
     *                two cores or fewer is a new thread per answer (the JDK's default executor when
     *                the pool's parallelism is 1), thousands of them a minute under load.
     */
    CallbackDispatcher(AccountRegistry accounts, ScheduledExecutorService scheduler, ExecutorService httpExecutor,
                       ExecutorService posters, Random random, Clock clock, long retryBackoffMs) {
        this.accounts = accounts;
        this.scheduler = scheduler;
        this.httpExecutor = httpExecutor;
        this.posters = posters;
        this.random = random;
        this.clock = clock;
        this.retryBackoffMs = retryBackoffMs;
    }

    /**
     * Posts the events one after another, each after a delay drawn from the behaviour.
     * {@code onEmit} runs as each event is first posted, so the message's status moves with it.
     */
    CompletableFuture<Void> dispatch(String callbackUrl, List<CallbackEvent> events, Behaviour behaviour,
                                     CompletableFuture<Void> after, Consumer<CallbackEvent> onEmit) {
        CompletableFuture<Void> chain = after;
        for (CallbackEvent event : events) {
            long delay = delay(behaviour);
            chain = chain.thenCompose(done -> later(delay)).thenCompose(done -> {
                onEmit.accept(event);
                // Without a StatusCallback the statuses still move, as on Twilio; nothing is posted.
                return callbackUrl.isEmpty() ? CompletableFuture.<Void>completedFuture(null) : deliver(callbackUrl, event);
            });
        }
        return chain;
    }

    /** Posts one event now, with its retries; completes when it was delivered or given up. */
    CompletableFuture<Void> deliver(String callbackUrl, CallbackEvent event) {
        ConnectionOverrides overrides = ConnectionOverrides.fromUrl(callbackUrl);
        String url = WebhookSigner.withoutFragment(callbackUrl);
        String token = accounts.tokenOf(event.accountSid()).orElseThrow();
        String signature = WebhookSigner.sign(token, url, event.params());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(overrides.readTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .header("User-Agent", USER_AGENT)
                    .header("X-Twilio-Signature", signature)
                    .header("I-Twilio-Idempotency-Token", event.idempotencyToken())
                    .POST(HttpRequest.BodyPublishers.ofString(formEncode(event.params())))
                    .build();
        } catch (IllegalArgumentException e) {
            LOG.warn("callback not posted: bad StatusCallback URL sid={} status={} reason={}", event.messageSid(), event.status(), e.getMessage());
            record(event, 1, url, signature, 0, "ct");
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        attempt(request, event, overrides, 1, System.nanoTime(), url, signature, done);
        return done;
    }

    List<CallbackAttempt> attempts() {
        return attempts.list();
    }

    void clear() {
        attempts.clear();
    }

    private void attempt(HttpRequest request, CallbackEvent event, ConnectionOverrides overrides, int attempt,
                         long startedNanos, String url, String signature, CompletableFuture<Void> done) {
        HttpClient client = client(overrides.connectTimeout());
        try {
            posters.execute(() -> {
                HttpResponse<Void> answer = null;
                Throwable failed = null;
                try {
                    answer = client.send(request, HttpResponse.BodyHandlers.discarding());
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    failed = stopping;
                } catch (IOException | RuntimeException broken) {
                    failed = broken;
                }
                answered(answer, failed, request, event, overrides, attempt, startedNanos, url, signature, done);
            });
        } catch (RejectedExecutionException closed) {
            done.complete(null);
        }
    }

    private void answered(HttpResponse<Void> response, Throwable error, HttpRequest request, CallbackEvent event,
                          ConnectionOverrides overrides, int attempt, long startedNanos, String url, String signature,
                          CompletableFuture<Void> done) {
        int code = response == null ? 0 : response.statusCode();
        Optional<Failure> failure = failureOf(code, error);
        record(event, attempt, url, signature, code, failure.map(CallbackDispatcher::word).orElse(""));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        boolean retry = failure.isPresent()
                && code != 429 // Twilio never retries a 429 (its error 11217)
                && overrides.retries(failure.get())
                && attempt <= overrides.retryCount()
                && elapsedMs + retryBackoffMs < overrides.totalTime().toMillis();
        LOG.info("callback posted sid={} status={} attempt={} response={} failure={} retry={}",
                event.messageSid(), event.status(), attempt, code, failure.map(CallbackDispatcher::word).orElse("none"), retry);
        if (retry) {
            schedule(retryBackoffMs, () -> attempt(request, event, overrides, attempt + 1, startedNanos, url, signature, done));
        } else {
            done.complete(null);
        }
    }

    private static Optional<Failure> failureOf(int code, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                return Optional.of(Failure.CONNECT);
            }
            if (cause instanceof HttpTimeoutException) {
                return Optional.of(Failure.READ_TIMEOUT);
            }
            // A reset or otherwise broken socket is a connection that could not be used: Twilio's "ct".
            return Optional.of(Failure.CONNECT);
        }
        if (code >= 500) {
            return Optional.of(Failure.SERVER_ERROR);
        }
        if (code >= 400) {
            return Optional.of(Failure.CLIENT_ERROR);
        }
        return Optional.empty();
    }

    private static String word(Failure failure) {
        switch (failure) {
            case CLIENT_ERROR: return "4xx";
            case SERVER_ERROR: return "5xx";
            case READ_TIMEOUT: return "rt";
            default: return "ct";
        }
    }

    private void record(CallbackEvent event, int attempt, String url, String signature, int code, String failure) {
        attempts.add(new CallbackAttempt(event.messageSid(), event.status(), attempt, url, event.idempotencyToken(),
                signature, event.duplicate(), code, failure, event.params(), clock.instant().toString()));
    }

    private HttpClient client(Duration connectTimeout) {
        return clients.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpExecutor)
                .build());
    }

    private CompletableFuture<Void> later(long delayMs) {
        CompletableFuture<Void> fired = new CompletableFuture<>();
        schedule(delayMs, () -> fired.complete(null));
        return fired;
    }

    private void schedule(long delayMs, Runnable task) {
        if (scheduler.isShutdown()) {
            return;
        }
        scheduler.schedule(task, delayMs, TimeUnit.MILLISECONDS);
    }

    private long delay(Behaviour behaviour) {
        long spread = behaviour.maxDelayMs() - behaviour.minDelayMs();
        if (spread == 0) {
            return behaviour.minDelayMs();
        }
        synchronized (random) {
            return behaviour.minDelayMs() + (long) (random.nextDouble() * (spread + 1));
        }
    }

    static String formEncode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
