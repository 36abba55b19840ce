package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.adapter.persistence.StoredMessages;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.DispatchMessages;
import dev.deliverytracker.application.port.in.SendMessage;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import dev.deliverytracker.simulator.Outcome;
import dev.deliverytracker.simulator.SimulatedMessage;
import dev.deliverytracker.simulator.TwilioSimulator;
import dev.deliverytracker.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two dispatchers working the same outbox at the same time, as two instances would: every message
 * reaches Twilio exactly once. The schedule is off; the test drives both dispatchers itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.dispatch.enabled=false",
        "tracker.dispatch.batch-size=7"})
class ConcurrentDispatchSystemTest {

    private static final int MESSAGES = 300;
    /** An API key id no stored key has, so these in-process sends spend a send budget of their own. */
    private static final long IN_PROCESS_KEY = 900_001;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    SendMessage sendMessage;

    @Autowired
    DispatchMessages dispatchMessages;

    @Autowired
    StoredMessages messages;

    @Autowired
    TrackerFixture fixture;

    @Autowired
    TwilioSimulator simulator;

    @Test
    void two_dispatchers_at_once_send_each_message_exactly_once() throws Exception {
        simulator.behaviour(simulator.behaviour().withDefaultOutcome(Outcome.noCallbacks()));
        OrganizationId org = fixture.organizationOf(
                AccountSid.of(simulator.accountSid()), simulator.authToken());
        String batch = "batch-" + System.nanoTime();
        List<MessageId> ids = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            SendOutcome.Accepted accepted = (SendOutcome.Accepted) sendMessage.send(new SendMessageCommand(new ApiCaller(IN_PROCESS_KEY, org),
                    Address.sms("+3162" + String.format("%07d", i)), new Sender.Number(Address.sms("+15005550006")),
                    new MessageContent.Text(batch + " #" + i), Map.of(), ""));
            ids.add(accepted.message().id().get());
        }

        ExecutorService dispatchers = Executors.newFixedThreadPool(2);
        Callable<Integer> drain = () -> {
            int total = 0;
            for (int claimed = dispatchMessages.dispatchDue(); claimed > 0; claimed = dispatchMessages.dispatchDue()) {
                total += claimed;
            }
            return total;
        };
        Future<Integer> first = dispatchers.submit(drain);
        Future<Integer> second = dispatchers.submit(drain);
        int claimedInAll = first.get() + second.get();
        dispatchers.shutdown();

        List<SimulatedMessage> ours = simulator.messages().stream()
                .filter(message -> message.body().startsWith(batch)).toList();
        Map<String, Long> perMessage = ours.stream().collect(Collectors.groupingBy(
                message -> message.statusCallback().replaceAll(".*mid=(\\d+).*", "$1"), Collectors.counting()));
        assertThat(ours).hasSize(MESSAGES);
        assertThat(perMessage).hasSize(MESSAGES).allSatisfy((mid, count) -> assertThat(count).isEqualTo(1L));
        // Other test classes share this database and may leave a message behind: ours are the ones that count.
        assertThat(claimedInAll).isGreaterThanOrEqualTo(MESSAGES);
        assertThat(first.get()).as("both dispatchers did work").isPositive();
        assertThat(second.get()).isPositive();
        Map<MessageId, Boolean> sidStored = ids.stream().collect(Collectors.toMap(Function.identity(),
                id -> messages.find(id).orElseThrow().sid().isPresent()));
        assertThat(sidStored).allSatisfy((id, stored) -> assertThat(stored).isTrue());
    }
}
