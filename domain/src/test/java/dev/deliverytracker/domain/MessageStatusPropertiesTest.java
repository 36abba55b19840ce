package dev.deliverytracker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ordering rule as a property: for realistic sequences, every permutation of the events, and
 * every permutation with each event duplicated, ends in the same message state.
 */
class MessageStatusPropertiesTest {

    private static final MessageSid SID = MessageSid.of("SM" + "0123456789abcdef".repeat(2));
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    static Stream<Arguments> realistic_sequences() {
        return Stream.of(
                Arguments.of(Channel.SMS, List.of("queued", "sent", "delivered"), DeliveryStatus.DELIVERED),
                Arguments.of(Channel.WHATSAPP, List.of("queued", "sent", "delivered", "read"), DeliveryStatus.READ),
                Arguments.of(Channel.SMS, List.of("accepted", "queued", "sending", "sent", "undelivered:30003"),
                        DeliveryStatus.UNDELIVERED),
                Arguments.of(Channel.SMS, List.of("queued", "failed:30007"), DeliveryStatus.FAILED),
                Arguments.of(Channel.SMS, List.of("queued", "sent", "delivered", "undelivered:30005"),
                        DeliveryStatus.DELIVERED),
                Arguments.of(Channel.WHATSAPP, List.of("sent", "read", "failed:63049", "delivered"),
                        DeliveryStatus.READ));
    }

    @ParameterizedTest
    @MethodSource("realistic_sequences")
    void every_order_ends_in_the_same_state(Channel channel, List<String> sequence, DeliveryStatus expected) {
        List<DeliveryEvent> events = events(sequence);
        Message inOrder = applyAll(channel, events);
        assertThat(inOrder.status()).isEqualTo(expected);

        for (List<DeliveryEvent> order : permutations(events)) {
            assertThat(applyAll(channel, order)).as("order %s", order).isEqualTo(inOrder);
        }
    }

    @ParameterizedTest
    @MethodSource("realistic_sequences")
    void every_order_with_every_event_sent_twice_ends_in_the_same_state(Channel channel, List<String> sequence,
            DeliveryStatus expected) {
        List<DeliveryEvent> events = events(sequence);
        Message inOrder = applyAll(channel, events);
        Random random = new Random(42);
        for (List<DeliveryEvent> order : permutations(events)) {
            List<DeliveryEvent> doubled = new ArrayList<>(order);
            // The duplicate arrives later (as a Twilio retry would), at a random place.
            for (DeliveryEvent event : order) {
                DeliveryEvent retry = new DeliveryEvent(event.sid(), event.reportedStatus(), event.error(),
                        event.source(), event.receivedAt().plusSeconds(30));
                doubled.add(doubled.indexOf(event) + 1 + random.nextInt(doubled.size() - doubled.indexOf(event)),
                        retry);
            }
            assertThat(applyAll(channel, doubled)).as("order %s", doubled).isEqualTo(inOrder);
        }
    }

    @ParameterizedTest
    @MethodSource("realistic_sequences")
    void the_failure_reported_is_the_error_that_shows(Channel channel, List<String> sequence,
            DeliveryStatus expected) {
        Message message = applyAll(channel, events(sequence));
        assertThat(message.error().isPresent()).isEqualTo(expected.isFailure());
    }

    private static List<DeliveryEvent> events(List<String> sequence) {
        List<DeliveryEvent> events = new ArrayList<>();
        for (int i = 0; i < sequence.size(); i++) {
            String[] parts = sequence.get(i).split(":");
            DeliveryError error = parts.length > 1 ? DeliveryError.of(Integer.parseInt(parts[1]), "") : DeliveryError.NONE;
            events.add(new DeliveryEvent(SID, parts[0], error, EventSource.CALLBACK, T0.plusSeconds(i)));
        }
        return events;
    }

    private static Message applyAll(Channel channel, List<DeliveryEvent> events) {
        Address to = new Address(channel, "+31612345678");
        Message message = Message.pending(OrganizationId.of(1), to, Sender.organizationDefault(),
                new MessageContent.Text("hello"), Map.of(), Optional.empty(), T0).acceptedAs(SID);
        for (DeliveryEvent event : events) {
            message = message.apply(event);
        }
        return message;
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> permutation = new ArrayList<>();
                permutation.add(head);
                permutation.addAll(tail);
                result.add(permutation);
            }
        }
        return result;
    }
}
