package dev.deliverytracker.adapter.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.deliverytracker.application.port.out.OutgoingMessage;
import dev.deliverytracker.application.port.out.PollResult;
import dev.deliverytracker.application.port.out.SendResult;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.simulator.Outcome;
import dev.deliverytracker.simulator.TwilioSimulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reconciler's fetch through real twilio-java against the in-process simulator. */
class TwilioMessageGatewayFetchTest {

    private static final String CALLBACK = "http://127.0.0.1:9/twilio-status?mid=42";
    private static final Sender SMS_SENDER = new Sender.Number(Address.sms("+15005550006"));

    private TwilioSimulator simulator;
    private AccountSid account;
    private final Map<AccountSid, String> tokens = new ConcurrentHashMap<>();
    private TwilioMessageGateway gateway;

    @BeforeEach
    void start() {
        simulator = TwilioSimulator.start();
        account = AccountSid.of(simulator.accountSid());
        tokens.put(account, simulator.authToken());
        gateway = new TwilioMessageGateway(tokens::get, simulator.baseUrl());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void a_message_whose_callbacks_were_lost_is_found_in_its_true_status() {
        simulator.behaviour(simulator.behaviour().withDefaultOutcome(Outcome.silent(Outcome.delivered())));
        MessageSid sid = sent("+4915112345678");

        await().until(() -> "delivered".equals(simulator.message(sid.value()).orElseThrow().status()));

        assertThat(gateway.fetch(account, sid)).isInstanceOfSatisfying(PollResult.Found.class, found -> {
            assertThat(found.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(found.error()).isEqualTo(DeliveryError.NONE);
        });
    }

    @Test
    void a_message_still_queued_is_found_queued() {
        simulator.behaviour(simulator.behaviour().withDefaultOutcome(Outcome.noCallbacks()));
        MessageSid sid = sent("+4915112345678");

        assertThat(gateway.fetch(account, sid)).isInstanceOfSatisfying(PollResult.Found.class, found -> {
            assertThat(found.status()).isEqualTo(DeliveryStatus.QUEUED);
            assertThat(found.facts().priced()).as("nothing is priced before it is final").isFalse();
        });
    }

    @Test
    void price_segments_and_text_show_once_twilio_has_priced_the_final_message() {
        simulator.behaviour(simulator.behaviour().withDefaultOutcome(Outcome.silent(Outcome.delivered()))
                .withPriceDelay(300));
        MessageSid sid = sent("+4915112345678");
        await().until(() -> "delivered".equals(simulator.message(sid.value()).orElseThrow().status()));

        PollResult.Found early = (PollResult.Found) gateway.fetch(account, sid);
        await().until(() -> ((PollResult.Found) gateway.fetch(account, sid)).facts().priced());
        PollResult.Found priced = (PollResult.Found) gateway.fetch(account, sid);

        assertThat(early.facts().priced()).as("the price comes after the status").isFalse();
        assertThat(priced.facts().segmentCount()).hasValue(1);
        assertThat(priced.facts().text()).hasValue("Your parcel is on its way");
        assertThat(priced.facts().charge().amount()).isEqualByComparingTo("0.00790");
        assertThat(priced.facts().charge().currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void a_failure_is_found_with_twilios_error_code() {
        simulator.behaviour(simulator.behaviour().withDefaultOutcome(Outcome.silent(Outcome.undelivered(30003))));
        MessageSid sid = sent("+4915112345678");

        await().until(() -> "undelivered".equals(simulator.message(sid.value()).orElseThrow().status()));

        assertThat(gateway.fetch(account, sid)).isInstanceOfSatisfying(PollResult.Found.class, found -> {
            assertThat(found.status()).isEqualTo(DeliveryStatus.UNDELIVERED);
            assertThat(found.error().code()).isEqualTo(30003);
        });
    }

    @Test
    void a_sid_twilio_does_not_know_is_not_found() {
        assertThat(gateway.fetch(account, MessageSid.of("SM" + "0".repeat(32)))).isEqualTo(new PollResult.NotFound());
    }

    @Test
    void a_wrong_auth_token_is_a_failed_fetch_not_an_exception() {
        MessageSid sid = sent("+4915112345678");
        tokens.put(account, "wrong-token-wrong-token-wrong-tok");

        assertThat(gateway.fetch(account, sid)).isInstanceOfSatisfying(PollResult.Failed.class,
                failed -> assertThat(failed.reason()).contains("401"));
    }

    @Test
    void a_429_is_rate_limited() throws IOException {
        // The simulator's faults are for creates; a bare server plays Twilio's 429 on a fetch.
        HttpServer busy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        busy.createContext("/", exchange -> {
            byte[] body = "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(429, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        busy.start();
        try {
            TwilioMessageGateway limited = new TwilioMessageGateway(tokens::get,
                    URI.create("http://127.0.0.1:" + busy.getAddress().getPort()));

            assertThat(limited.fetch(account, MessageSid.of("SM" + "1".repeat(32))))
                    .isEqualTo(new PollResult.RateLimited());
        } finally {
            busy.stop(0);
        }
    }

    private MessageSid sent(String to) {
        SendResult result = gateway.send(new OutgoingMessage(MessageId.of(42), account, Address.sms(to), SMS_SENDER,
                new MessageContent.Text("Your parcel is on its way"), CALLBACK));
        return ((SendResult.Accepted) result).sid();
    }
}
