package dev.deliverytracker.domain;

import static dev.deliverytracker.domain.DeliveryStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeliveryStatusTest {

    @Test
    void a_late_sent_never_overwrites_delivered() {
        assertThat(DELIVERED.after(SENT)).isEqualTo(DELIVERED);
    }

    @Test
    void read_beats_delivered_in_either_order() {
        assertThat(DELIVERED.after(READ)).isEqualTo(READ);
        assertThat(READ.after(DELIVERED)).isEqualTo(READ);
    }

    @Test
    void a_failure_after_delivery_does_not_erase_the_delivery() {
        assertThat(DELIVERED.after(UNDELIVERED)).isEqualTo(DELIVERED);
        assertThat(DELIVERED.after(FAILED)).isEqualTo(DELIVERED);
    }

    @Test
    void a_failure_after_sent_shows_the_failure() {
        assertThat(SENT.after(UNDELIVERED)).isEqualTo(UNDELIVERED);
        assertThat(QUEUED.after(FAILED)).isEqualTo(FAILED);
        assertThat(FAILED.after(SENT)).isEqualTo(FAILED);
    }

    @ParameterizedTest
    @EnumSource(DeliveryStatus.class)
    void a_status_seen_twice_changes_nothing(DeliveryStatus status) {
        assertThat(status.after(status)).isEqualTo(status);
    }

    @Test
    void an_unknown_word_never_moves_the_status() {
        for (DeliveryStatus status : values()) {
            assertThat(status.after(UNKNOWN)).isEqualTo(status);
        }
    }

    @Test
    void precedences_are_distinct_so_the_rule_is_a_total_order() {
        assertThat(List.of(values()).stream().map(DeliveryStatus::precedence).distinct().count())
                .isEqualTo(values().length);
    }

    @Test
    void the_order_follows_twilio_lifecycle() {
        assertThat(List.of(ACCEPTED, QUEUED, SENDING, SENT, UNDELIVERED, DELIVERED, READ))
                .isSortedAccordingTo((a, b) -> Integer.compare(a.precedence(), b.precedence()));
    }

    @Test
    void delivered_is_final_for_sms_but_not_for_whatsapp() {
        assertThat(DELIVERED.isTerminalOn(Channel.SMS)).isTrue();
        assertThat(DELIVERED.isTerminalOn(Channel.WHATSAPP)).isFalse();
        assertThat(READ.isTerminalOn(Channel.WHATSAPP)).isTrue();
        assertThat(SENT.isTerminalOn(Channel.SMS)).isFalse();
        assertThat(FAILED.isTerminalOn(Channel.SMS)).isTrue();
    }

    @Test
    void twilio_words_are_read_and_new_words_are_kept_as_unknown() {
        assertThat(fromTwilio("delivered")).isEqualTo(DELIVERED);
        assertThat(fromTwilio("partially_delivered")).isEqualTo(PARTIALLY_DELIVERED);
        assertThat(fromTwilio("teleported")).isEqualTo(UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(DeliveryStatus.class)
    void every_status_is_found_by_its_wire_name_and_only_by_it(DeliveryStatus status) {
        assertThat(DeliveryStatus.lookup(status.wireName())).contains(status);
        assertThat(DeliveryStatus.lookup(status.name())).isEmpty();
    }

    @Test
    void an_unknown_or_missing_word_is_not_found() {
        assertThat(DeliveryStatus.lookup("teleported")).isEmpty();
        assertThat(DeliveryStatus.lookup(null)).isEmpty();
    }

    @Test
    void a_status_that_is_not_a_word_is_refused_with_the_value_shown() {
        assertThatIllegalArgumentException().isThrownBy(() -> fromTwilio("DROP TABLE;"))
                .withMessageContaining("status must be a lower-case word").withMessageContaining("'DROP TABLE;'");
        assertThatIllegalArgumentException().isThrownBy(() -> fromTwilio(null))
                .withMessageContaining("was nothing");
    }
}
