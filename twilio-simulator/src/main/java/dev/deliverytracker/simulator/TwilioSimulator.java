package dev.deliverytracker.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Twilio simulator: Twilio's Messages API on a local port, and status callbacks to the
 * URLs the messages name. Nothing leaves the machine but those callbacks.
 *
 * <pre>{@code
 * try (TwilioSimulator twilio = TwilioSimulator.start(SimulatorSettings.defaults())) {
 *     twilio.behaviour(twilio.behaviour().withRule("^\\+1555", Outcome.undelivered(30003)));
 *     // point twilio-java at twilio.baseUrl(), authenticate with accountSid()/authToken()
 * }
 * }</pre>
 *
 * <p>Thread-safe. Every chance (outcomes, delays, duplicates, shuffles, SIDs) is drawn from one
 * {@link Random} seeded from the settings, so a single-threaded run replays exactly.
 */
public final class TwilioSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TwilioSimulator.class);
    /** Callbacks posted and waiting for their receivers' answers at the same time. */
    private static final int CALLBACK_POSTERS = 32;

    private final SimulatorSettings settings;
    private final HttpServer server;
    private final ThreadPoolExecutor serverThreads;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService callbackThreads;
    private final ThreadPoolExecutor callbackPosters;
    private final Random random;
    private final AccountRegistry accounts = new AccountRegistry();
    private final ServiceCallbacks serviceCallbacks = new ServiceCallbacks();
    private final MessageStore store = new MessageStore();
    private final CreateFaults faults = new CreateFaults();
    private final AtomicReference<Behaviour> behaviour;
    private final CallbackDispatcher dispatcher;
    private final EventStreams streams;

    private TwilioSimulator(SimulatorSettings settings) throws IOException {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.behaviour = new AtomicReference<>(settings.behaviour());
        accounts.register(settings.accountSid(), settings.authToken());
        SidGenerator sids = new SidGenerator();
        this.scheduler = Executors.newScheduledThreadPool(2, daemonThreads("twilio-sim-scheduler"));
        this.callbackThreads = Executors.newFixedThreadPool(4, daemonThreads("twilio-sim-callback"));
        // As many callbacks waiting on their receivers at once as Twilio's own fan-out would have in flight here.
        this.callbackPosters = new ThreadPoolExecutor(CALLBACK_POSTERS, CALLBACK_POSTERS, 30, TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), daemonThreads("twilio-sim-post"));
        callbackPosters.allowCoreThreadTimeOut(true);
        this.dispatcher = new CallbackDispatcher(accounts, scheduler, callbackThreads, callbackPosters, random,
                settings.clock(), settings.retryBackoffMs());
        this.streams = new EventStreams(accounts, scheduler, callbackThreads, sids, random, settings.clock(),
                () -> behaviour.get().duplicateRate());
        MessageIntake intake = new MessageIntake(store, new CallbackPlanner(random, sids, settings.clock()), dispatcher,
                sids, random, settings.clock(), behaviour::get, serviceCallbacks, scheduler, streams);
        JsonExchange json = new JsonExchange(new ObjectMapper());
        // Bounded on both sides: a flood of requests queues up to a limit, then is served by the
        // accepting thread itself, which slows the senders down instead of eating memory.
        this.serverThreads = new ThreadPoolExecutor(settings.serverThreads(), settings.serverThreads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), daemonThreads("twilio-sim-http"), new ThreadPoolExecutor.CallerRunsPolicy());
        // The JDK server leaves Nagle's algorithm on unless told otherwise: small answers then wait for
        // the client's delayed ACK (about 40 ms each), which caps a client at a few dozen requests/s.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 128);
        server.setExecutor(serverThreads);
        server.createContext("/2010-04-01/", new MessagesApiHandler(accounts, store, intake, faults, json));
        server.createContext("/simulator", new ControlApiHandler(this, json));
        server.createContext("/", exchange -> {
            try (exchange) {
                json.error(exchange, new TwilioError(20404, "The requested resource " + exchange.getRequestURI().getPath() + " was not found", 404));
            }
        });
        server.start();
    }

    /**
     * Starts a simulator and returns once it accepts requests.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static TwilioSimulator start(SimulatorSettings settings) {
        try {
            TwilioSimulator simulator = new TwilioSimulator(settings);
            LOG.info("Twilio simulator listening on {} (account {}); it answers locally and contacts nothing but the callback URLs it is given",
                    simulator.baseUrl(), settings.accountSid());
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Twilio simulator on " + settings.host() + ":" + settings.port(), e);
        }
    }

    /** Starts one with {@link SimulatorSettings#defaults()}: loopback, a free port, the default account. */
    public static TwilioSimulator start() {
        return start(SimulatorSettings.defaults());
    }

    /** Where twilio-java should send its requests instead of {@code https://api.twilio.com}, e.g. {@code http://127.0.0.1:40123}. */
    public URI baseUrl() {
        return URI.create("http://" + hostForUrl() + ":" + port());
    }

    /** The bound port (the real one when the settings asked for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The account registered at start. */
    public String accountSid() {
        return settings.accountSid();
    }

    /** Its auth token: the Basic auth password and the key of its callbacks' signatures. */
    public String authToken() {
        return settings.authToken();
    }

    /** Accepts another account (e.g. a subaccount); its callbacks are signed with its own token. Re-registering changes the token. */
    public void registerAccount(String accountSid, String authToken) {
        accounts.register(accountSid, authToken);
    }

    /** Accepts a subaccount of a registered account: its own token works, and so do its parent's credentials. */
    public void registerSubaccount(String parentSid, String accountSid, String authToken) {
        accounts.registerSubaccount(parentSid, accountSid, authToken);
    }

    /**
     * Sets the Status Callback URL of a Messaging Service, as Twilio's console does: messages sent
     * through it without a StatusCallback of their own have their callbacks posted there. An empty
     * URL removes it.
     */
    public void serviceStatusCallback(String messagingServiceSid, String statusCallback) {
        serviceCallbacks.set(messagingServiceSid, statusCallback);
    }

    /** The behaviour applied to messages created from now on. */
    public Behaviour behaviour() {
        return behaviour.get();
    }

    /** Replaces the behaviour for messages created from now on; messages already created keep theirs. */
    public void behaviour(Behaviour newBehaviour) {
        if (newBehaviour == null) {
            throw new IllegalArgumentException("behaviour is required");
        }
        behaviour.set(newBehaviour);
        LOG.info("simulator behaviour changed: {}", newBehaviour);
    }

    /** The next {@code count} creates answer with {@code fault} instead of 201 (0 disarms). */
    public void injectCreateFaults(CreateFault fault, int count) {
        faults.arm(fault, count);
        LOG.info("simulator create faults armed fault={} count={}", fault, count);
    }

    /** The armed create fault, if any creates are left to fail. */
    public Optional<CreateFault> createFault() {
        return faults.fault();
    }

    public int remainingCreateFaults() {
        return faults.remaining();
    }

    /** Every message of every account, newest first, with its current status. */
    public List<SimulatedMessage> messages() {
        return store.newestFirst();
    }

    public Optional<SimulatedMessage> message(String sid) {
        return store.find(sid);
    }

    /** Every callback try so far, in the order they were answered. */
    public List<CallbackAttempt> callbackAttempts() {
        return dispatcher.attempts();
    }

    /**
     * Adds an Event Streams webhook sink with its subscription: from now on, events of its types for its
     * account go to it in signed batches (see {@link EventStreamsSink} for the timing).
     */
    public EventStreamsSink addEventStreamsSink(URI destination, String accountSid, Set<String> types,
            long batchWindowMs, int maxBatch, long retryBaseMs, long retryMaxMs, long retryBudgetMs) {
        return streams.add(new EventStreamsSink(streams.newSinkSid(), destination, accountSid, types, batchWindowMs,
                maxBatch, retryBaseMs, retryMaxMs, retryBudgetMs));
    }

    /** Adds a sink with Twilio's own timing (batches of up to a second, retried for four hours). */
    public EventStreamsSink addEventStreamsSink(URI destination, String accountSid) {
        return streams.add(EventStreamsSink.twilioTimed(streams.newSinkSid(), destination, accountSid, Set.of()));
    }

    /** Removes a sink; its batches still being retried are given up. */
    public void removeEventStreamsSink(String sinkSid) {
        streams.remove(sinkSid);
    }

    public List<EventStreamsSink> eventStreamsSinks() {
        return streams.sinks();
    }

    /** Every try to deliver a batch to a sink, oldest first; the newest 10,000 are kept. */
    public List<StreamDelivery> streamDeliveries() {
        return streams.deliveries();
    }

    /**
     * Someone wrote to one of the account's numbers: an inbound message event goes to the sinks that
     * subscribe to it. Answers the new message's SID.
     */
    public String receiveInboundMessage(String accountSid, String from, String to, String body) {
        return streams.inboundMessage(accountSid, from, to, body);
    }

    /**
     * Forgets messages and callback tries, disarms faults, restores the start-up behaviour and
     * reseeds the Random. Callbacks already scheduled still run.
     */
    public void reset() {
        store.clear();
        dispatcher.clear();
        streams.clear();
        faults.arm(null, 0);
        behaviour.set(settings.behaviour());
        synchronized (random) {
            random.setSeed(settings.seed());
        }
        LOG.info("simulator reset");
    }

    /** Stops serving and drops the callbacks not yet posted. */
    @Override
    public void close() {
        server.stop(0);
        scheduler.shutdownNow();
        callbackThreads.shutdownNow();
        callbackPosters.shutdownNow();
        serverThreads.shutdownNow();
        LOG.info("Twilio simulator on port {} stopped", server.getAddress().getPort());
    }


    private String hostForUrl() {
        String host = settings.host();
        if ("0.0.0.0".equals(host)) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            // Daemon threads: an embedded simulator never keeps its host JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
