package dev.deliverytracker.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Fires requests from C worker threads until every request is sent or the deadline passes, over
 * keep-alive HTTP/1.1: one shared java.net.http.HttpClient, or one raw socket per worker
 * ({@link RawHttpConnection}, far less CPU per request). Records, per request, when it started, how
 * long it took and the status code it got (0: no answer).
 */
final class LoadRunner {

    /** Sends request i and answers its status code; one per worker thread. */
    interface Sender {
        int send(int i) throws Exception;
    }

    private final int concurrency;

    final int[] status;
    final long[] startNanos;
    final long[] latencyMicros;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    volatile long firstStart;
    private final java.util.concurrent.atomic.AtomicLong lastEnd = new java.util.concurrent.atomic.AtomicLong();

    LoadRunner(int concurrency, int capacity) {
        this.concurrency = concurrency;
        this.status = new int[capacity];
        this.startNanos = new long[capacity];
        this.latencyMicros = new long[capacity];
    }

    /** When the last request finished (System.nanoTime), 0 before any did. */
    long lastEnd() {
        return lastEnd.get();
    }

    int completed() {
        return completed.get();
    }

    /** Index of the next request to be handed out (= requests started). */
    int started() {
        return Math.min(next.get(), status.length);
    }

    /** Starts the workers on one shared java.net.http.HttpClient and returns them; join them to wait. */
    List<Thread> start(HttpClient client, IntFunction<HttpRequest> requests, long deadlineNanos) {
        return start(() -> i -> client.send(requests.apply(i), HttpResponse.BodyHandlers.discarding()).statusCode(),
                deadlineNanos);
    }

    /** Starts the workers, each with its own sender, and returns them; join them to wait. */
    List<Thread> start(Supplier<Sender> senders, long deadlineNanos) {
        firstStart = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread t = new Thread(() -> work(senders.get(), deadlineNanos), "load-" + w);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        return workers;
    }

    private void work(Sender sender, long deadlineNanos) {
        while (System.nanoTime() < deadlineNanos) {
            int i = next.getAndIncrement();
            if (i >= status.length) {
                return;
            }
            long t0 = System.nanoTime();
            int code;
            try {
                code = sender.send(i);
            } catch (Exception e) {
                code = 0;
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
            long t1 = System.nanoTime();
            startNanos[i] = t0;
            latencyMicros[i] = Math.max(1, (t1 - t0) / 1000);
            status[i] = code;
            lastEnd.accumulateAndGet(t1, Math::max);
            completed.incrementAndGet();
        }
    }

    static void join(List<Thread> workers) throws InterruptedException {
        for (Thread t : workers) {
            t.join();
        }
    }

    /** Latency figures of the requests that started at or after {@code fromNanos}. */
    Stats stats(long fromNanos, long toNanos) {
        int n = started();
        long[] lat = new long[n];
        int count = 0;
        Map<Integer, Integer> codes = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (latencyMicros[i] == 0 || startNanos[i] < fromNanos) {
                continue;
            }
            lat[count++] = latencyMicros[i];
            codes.merge(status[i], 1, Integer::sum);
        }
        long[] sorted = Arrays.copyOf(lat, count);
        Arrays.sort(sorted);
        return new Stats(count, (toNanos - fromNanos) / 1e9, sorted, codes);
    }

    /** Requests answered (whatever the code) that started in {@code [fromNanos, toNanos)}. */
    int answeredStartedBetween(long fromNanos, long toNanos) {
        int count = 0;
        for (int i = 0; i < started(); i++) {
            if (latencyMicros[i] != 0 && startNanos[i] >= fromNanos && startNanos[i] < toNanos) {
                count++;
            }
        }
        return count;
    }

    /** Every request's status code, whatever its start time. */
    Map<Integer, Integer> allCodes() {
        Map<Integer, Integer> codes = new TreeMap<>();
        for (int i = 0; i < started(); i++) {
            if (latencyMicros[i] != 0) {
                codes.merge(status[i], 1, Integer::sum);
            }
        }
        return codes;
    }

    record Stats(int requests, double seconds, long[] sortedMicros, Map<Integer, Integer> codes) {
        double rate() {
            return seconds <= 0 ? 0 : requests / seconds;
        }

        double percentileMs(double p) {
            if (sortedMicros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
            return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, index))] / 1000.0;
        }

        double maxMs() {
            return sortedMicros.length == 0 ? Double.NaN : sortedMicros[sortedMicros.length - 1] / 1000.0;
        }

        double meanMs() {
            return Arrays.stream(sortedMicros).average().orElse(Double.NaN) / 1000.0;
        }

        int ok(int code) {
            return codes.getOrDefault(code, 0);
        }
    }
}
