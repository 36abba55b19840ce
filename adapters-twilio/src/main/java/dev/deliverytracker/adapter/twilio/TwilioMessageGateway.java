package dev.deliverytracker.adapter.twilio;

import dev.deliverytracker.application.port.LogFields;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import dev.deliverytracker.application.port.out.MessageGateway;
import dev.deliverytracker.application.port.out.MessageWork;
import dev.deliverytracker.application.port.out.OutgoingMessage;
import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.application.port.out.PollResult;
import dev.deliverytracker.application.port.out.SendResult;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Charge;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.domain.TwilioError;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Sends messages with twilio-java's {@code Message.creator(...).create(client)}, one attempt per
 * call, and maps what Twilio answered to a {@link SendResult}.
 *
 * <p>Clients: one {@link TwilioRestClient} per account, built on first use and reused (each holds a
 * connection pool). The token is asked for on every send; when it changed (a rotation) the
 * account's client is rebuilt with the new one.
 *
 * <p>HTTP: every client gets its own {@link BaseUrlOverridingHttpClient}, which tries a POST
 * exactly once (twilio-java would re-POST a create answered 5xx up to 3 times, and Apache
 * HttpClient below it would repeat a 429 or 503 once: both can turn one stored message into two).
 * Without an {@code apiBaseUrl} it is aimed at {@value #TWILIO_API}, Twilio's own host for the
 * Messages API: that class has the retry switches and no other constructor exposes them, so
 * reusing it is safer than copying its Apache configuration here. Region and edge stay unset.
 *
 * <p>Errors, by what Twilio answered:
 * <ul>
 *   <li>429, any 5xx, or no answer: {@link SendResult.TransientFailure}. twilio-java reports a
 *       refused or broken connection as an {@link ApiException} with neither code nor status (its
 *       {@code NetworkHttpClient} wraps the {@link IOException}), and a missing response as an
 *       {@link ApiConnectionException}: both are "no answer".</li>
 *   <li>another 4xx whose code the domain knows as passing with time (e.g. 21611, the sender's
 *       queue is full): {@link SendResult.TransientFailure} with that code.</li>
 *   <li>any other 4xx: {@link SendResult.Rejected} with Twilio's code and message.</li>
 * </ul>
 */
public class TwilioMessageGateway implements MessageGateway {

    static final String TWILIO_API = "https://api.twilio.com";

    private static final Logger LOG = LoggerFactory.getLogger(TwilioMessageGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<AccountSid, String> authTokenOf;
    private final URI apiBaseUrl;
    private final Map<AccountSid, AccountClient> clients = new ConcurrentHashMap<>();

    /** Talks to Twilio itself. */
    public TwilioMessageGateway(Function<AccountSid, String> authTokenOf) {
        this(authTokenOf, null);
    }

    /**
     * @param authTokenOf the current auth token of an account; null or blank when it has none
     * @param apiBaseUrl  where to send Twilio's REST requests instead (the simulator's base URL), or
     *                    null for Twilio itself
     */
    public TwilioMessageGateway(Function<AccountSid, String> authTokenOf, URI apiBaseUrl) {
        this.authTokenOf = Objects.requireNonNull(authTokenOf, "authTokenOf");
        this.apiBaseUrl = apiBaseUrl == null ? URI.create(TWILIO_API) : apiBaseUrl;
        // Fails here, at start, on a bad URL rather than on the first send.
        new BaseUrlOverridingHttpClient(this.apiBaseUrl);
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        TwilioRestClient client = clientFor(message.account());
        try {
            Message created = creatorFor(message).create(client);
            DeliveryStatus status = statusOf(created);
            MessageSid sid = MessageSid.of(created.getSid());
            about(LOG.atInfo(), message).addKeyValue(LogFields.MESSAGE_SID, sid.value())
                    .log("twilio accepted message id={} account={} sid={} status={}", message.id(), message.account(),
                            sid, status.wireName());
            return new SendResult.Accepted(sid, status);
        } catch (ApiConnectionException e) {
            return transientFailure(message, "no answer from Twilio: " + e.getMessage(), 0, 0);
        } catch (ApiException e) {
            return mapped(message, e);
        }
    }

    /**
     * Lists the recipient's newest messages (one page, newest first, as Twilio orders them) that have
     * our sender and, for free text, our body, created since {@code since}. Twilio's list shows
     * neither our callback URL nor the template variables, so identical texts to one recipient within
     * the window all match; the caller skips those whose SID another message of ours already holds.
     */
    @Override
    public List<SendResult.Accepted> findAccepted(OutgoingMessage message, Instant since) {
        TwilioRestClient client = clientFor(message.account());
        // Twilio and our clocks differ a little; a minute of slack keeps a just-created message in view.
        Instant from = since.minusSeconds(60);
        List<SendResult.Accepted> lookAlikes = new ArrayList<>();
        for (Message candidate : Message.reader().setTo(new PhoneNumber(message.to().toTwilio())).setPageSize(50L)
                .limit(50L).read(client)) {
            boolean recent = candidate.getDateCreated() == null || !candidate.getDateCreated().toInstant().isBefore(from);
            if (recent && sameSender(candidate, message) && sameContent(candidate, message)) {
                lookAlikes.add(new SendResult.Accepted(MessageSid.of(candidate.getSid()), statusOf(candidate)));
            }
        }
        about(LOG.atInfo(), message).log("twilio has {} look-alike(s) of message id={} account={}: {}",
                lookAlikes.size(), message.id(), message.account(),
                lookAlikes.stream().map(found -> found.sid().value()).toList());
        return lookAlikes;
    }

    /**
     * Fetches the message with {@code Message.fetcher(sid).fetch(client)}, once: a 404 is
     * {@link PollResult.NotFound}, a 429 {@link PollResult.RateLimited} (the caller stops polling), and
     * anything else that is not an answer {@link PollResult.Failed}. GETs keep twilio-java's own retry
     * on a 5xx, which is harmless for a read.
     */
    @Override
    public PollResult fetch(AccountSid account, MessageSid sid) {
        TwilioRestClient client = clientFor(account);
        try {
            Message fetched = Message.fetcher(sid.value()).fetch(client);
            DeliveryError error = fetched.getErrorCode() == null || fetched.getErrorCode() == 0 ? DeliveryError.NONE
                    : DeliveryError.of(fetched.getErrorCode(), fetched.getErrorMessage());
            return new PollResult.Found(statusOf(fetched).wireName(), error, factsOf(fetched, account, sid));
        } catch (ApiConnectionException e) {
            about(LOG.atWarn(), account, sid).log("twilio fetch failed account={} sid={}: no answer", account, sid);
            return new PollResult.Failed("no answer from Twilio: " + e.getMessage());
        } catch (ApiException e) {
            Integer answered = e.getStatusCode() != null ? e.getStatusCode() : e.getHttpStatusCode();
            int status = answered == null ? 0 : answered;
            int code = e.getCode() == null ? 0 : e.getCode();
            if (status == 404 || code == 20404) {
                return new PollResult.NotFound();
            }
            if (status == 429 || code == 20429) {
                about(LOG.atWarn(), account, sid).log("twilio fetch rate limited account={} sid={}", account, sid);
                return new PollResult.RateLimited();
            }
            about(LOG.atWarn(), account, sid).log("twilio fetch failed account={} sid={} http={} code={}", account,
                    sid, status, code);
            return new PollResult.Failed(status == 0 ? "no answer from Twilio: " + e.getMessage()
                    : "Twilio answered " + status + (code == 0 ? "" : " with code " + code) + ": " + e.getMessage());
        }
    }

    /**
     * Segments, price and text as the resource shows them. A price that cannot be read is logged and
     * left out rather than failing the poll: the status in the same answer is still worth recording.
     */
    private static MessageFacts factsOf(Message fetched, AccountSid account, MessageSid sid) {
        Integer segments = null;
        Charge charge = null;
        try {
            if (fetched.getNumSegments() != null && !fetched.getNumSegments().isBlank()) {
                segments = Integer.valueOf(fetched.getNumSegments().trim());
            }
            if (fetched.getPrice() != null && !fetched.getPrice().isBlank() && fetched.getPriceUnit() != null) {
                charge = Charge.fromProvider(fetched.getPrice(), fetched.getPriceUnit().getCurrencyCode());
            }
        } catch (IllegalArgumentException unreadable) {
            about(LOG.atWarn(), account, sid).log("twilio price of account={} sid={} not readable: {}", account, sid,
                    unreadable.getMessage());
        }
        return new MessageFacts(segments, charge, fetched.getBody());
    }

    private static boolean sameSender(Message candidate, OutgoingMessage message) {
        if (message.sender() instanceof Sender.Service service) {
            return service.sid().value().equals(candidate.getMessagingServiceSid());
        }
        Sender.Number number = (Sender.Number) message.sender();
        return candidate.getFrom() != null && number.address().toTwilio().equals(candidate.getFrom().toString());
    }

    private static boolean sameContent(Message candidate, OutgoingMessage message) {
        return !(message.content() instanceof MessageContent.Text text) || text.body().equals(candidate.getBody());
    }

    private static DeliveryStatus statusOf(Message message) {
        // twilio-java turns a status word it does not know into null: read it as UNKNOWN, never fail on it.
        return message.getStatus() == null ? DeliveryStatus.UNKNOWN
                : DeliveryStatus.fromTwilio(message.getStatus().toString());
    }

    /** The account's client, built once per account and token. Package-private for tests. */
    TwilioRestClient clientFor(AccountSid account) {
        String token = authTokenOf.apply(account);
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("no Twilio auth token is configured for account " + account
                    + ": set the organization's Twilio credentials before sending");
        }
        return clients.compute(account, (sid, existing) -> existing != null && existing.token().equals(token)
                ? existing
                : new AccountClient(token, new TwilioRestClient.Builder(sid.value(), token)
                        .httpClient(new BaseUrlOverridingHttpClient(apiBaseUrl))
                        .build()))
                .client();
    }

    private static MessageCreator creatorFor(OutgoingMessage message) {
        PhoneNumber to = new PhoneNumber(message.to().toTwilio());
        String body = message.content() instanceof MessageContent.Text text ? text.body() : null;
        MessageCreator creator;
        if (message.sender() instanceof Sender.Service service) {
            creator = Message.creator(to, service.sid().value(), body);
        } else if (message.sender() instanceof Sender.Number number) {
            creator = Message.creator(to, new PhoneNumber(number.address().toTwilio()), body);
        } else {
            // OutgoingMessage refuses any other sender; this guards a new kind added to Sender later.
            throw new IllegalArgumentException("cannot send message " + message.id() + " from " + message.sender());
        }
        if (message.content() instanceof MessageContent.Template template) {
            creator.setContentSid(template.contentSid().value());
            if (!template.variables().isEmpty()) {
                creator.setContentVariables(contentVariables(template.variables()));
            }
        }
        return creator.setStatusCallback(URI.create(message.statusCallbackUrl()));
    }

    /** Twilio's ContentVariables: a JSON object of strings, e.g. {@code {"1":"42","2":"Monday"}}. */
    private static String contentVariables(Map<String, String> variables) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(variables));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write content variables as JSON", e);
        }
    }

    private static SendResult mapped(OutgoingMessage message, ApiException e) {
        int code = e.getCode() == null ? 0 : e.getCode();
        Integer answered = e.getStatusCode() != null ? e.getStatusCode() : e.getHttpStatusCode();
        int status = answered == null ? 0 : answered;
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (status == 0) {
            return transientFailure(message, "no answer from Twilio: " + text, 0, code);
        }
        if (status == 429 || status >= 500) {
            return transientFailure(message, "Twilio answered " + status + (code == 0 ? "" : " with code " + code)
                    + ": " + text, status, code);
        }
        if (code != 0 && TwilioError.byCode(code).map(TwilioError::isRetryable).orElse(false)) {
            return transientFailure(message, "Twilio answered " + status + " with code " + code
                    + ", which passes with time: " + text, status, code);
        }
        // A 4xx without Twilio's JSON (a proxy in between) has no code: keep the HTTP status in Twilio's 20xxx form.
        DeliveryError error = DeliveryError.of(code != 0 ? code : 20000 + status, text);
        about(LOG.atInfo(), message).log("twilio rejected message id={} account={} http={} code={}", message.id(),
                message.account(), status, error.code());
        return new SendResult.Rejected(error);
    }

    private static SendResult transientFailure(OutgoingMessage message, String reason, int status, int code) {
        // Twilio's text may quote the recipient's number, so the log line keeps to ids and codes.
        about(LOG.atWarn(), message).log("twilio send failed for now id={} account={} http={} code={}", message.id(),
                message.account(), status, code);
        return new SendResult.TransientFailure(reason, status, code);
    }

    /**
     * A line about a message we send: its account as a field of structured logs. Its id and organization
     * are fields already, put there by the dispatch that sends it ({@link MessageWork}).
     */
    private static LoggingEventBuilder about(LoggingEventBuilder line, OutgoingMessage message) {
        return line.addKeyValue(LogFields.ACCOUNT_SID, message.account().value());
    }

    /** A line about a message Twilio knows by its SID: SID and account as fields of structured logs. */
    private static LoggingEventBuilder about(LoggingEventBuilder line, AccountSid account, MessageSid sid) {
        return line.addKeyValue(LogFields.ACCOUNT_SID, account.value()).addKeyValue(LogFields.MESSAGE_SID, sid.value());
    }

    private record AccountClient(String token, TwilioRestClient client) {

        @Override
        public String toString() {
            return "AccountClient[token hidden]";
        }
    }
}
