package dev.deliverytracker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final MessageSid SID = MessageSid.of("SM0123456789abcdef0123456789abcdef");
    private final RetryPolicy policy = new RetryPolicy(true, 3, Duration.ofMinutes(5), Duration.ofMinutes(15));

    @Test
    void a_retryable_failure_is_retried_once_its_backoff_has_passed() {
        Message failed = failedWith(30003);
        assertThat(policy.verdict(failed, T0.plusSeconds(60), false)).isEqualTo(new RetryVerdict.NotYet(T0.plus(Duration.ofMinutes(5))));
        assertThat(policy.verdict(failed, T0.plus(Duration.ofMinutes(5)), false)).isEqualTo(new RetryVerdict.Retry());
    }

    @Test
    void a_failure_with_no_attempt_counted_still_waits_the_first_delay() {
        Message foreign = Message.restore(MessageId.of(9), OrganizationId.of(1), Address.sms("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("hi"), Map.of(), null, SID,
                DeliveryStatus.UNDELIVERED, DeliveryError.of(30003, ""), Milestones.none().reached(Milestone.FAILED, T0), 0,
                T0, Origin.API);
        assertThat(policy.verdict(foreign, T0.plusSeconds(60), false)).isInstanceOf(RetryVerdict.NotYet.class);
    }

    @Test
    void a_message_another_application_sent_is_never_retried_by_itself_and_by_an_operator_only_with_its_content() {
        Message adopted = Message.adopted(OrganizationId.of(1), Address.sms("+31612345678"),
                Sender.organizationDefault(), SID, T0)
                .withId(MessageId.of(12))
                .apply(DeliveryEvent.of(SID, DeliveryStatus.UNDELIVERED, DeliveryError.of(30003, ""), EventSource.CALLBACK, T0));

        assertThat(policy.verdict(adopted, T0.plus(Duration.ofDays(1)), false))
                .isInstanceOfSatisfying(RetryVerdict.Refused.class, refused -> assertThat(refused.reason())
                        .contains("sent by another application").contains("not known"));
        assertThat(policy.verdict(adopted, T0.plus(Duration.ofDays(1)), true)).isInstanceOf(RetryVerdict.Refused.class);
    }

    @Test
    void a_permanent_failure_is_never_retried_by_itself_but_can_be_forced() {
        Message unsubscribed = failedWith(21610);
        assertThat(policy.verdict(unsubscribed, T0.plus(Duration.ofDays(1)), false))
                .isInstanceOfSatisfying(RetryVerdict.Refused.class, refused -> assertThat(refused.reason())
                        .isEqualTo("error 21610 (Attempt to send to unsubscribed recipient) is not worth retrying; "
                                + "force it to send anyway"));
        assertThat(policy.verdict(unsubscribed, T0, true)).isEqualTo(new RetryVerdict.Retry());
    }

    @Test
    void an_unknown_code_is_not_retried_by_guesswork() {
        assertThat(policy.verdict(failedWith(12345), T0.plus(Duration.ofDays(1)), false))
                .isInstanceOf(RetryVerdict.Refused.class);
    }

    @Test
    void retries_stop_at_the_maximum_attempts() {
        Message thrice = failedWith(30003).startNewAttempt().sendFailed(DeliveryError.of(30003, ""), T0)
                .startNewAttempt().sendFailed(DeliveryError.of(30003, ""), T0);
        assertThat(thrice.attempts()).isEqualTo(3);
        assertThat(policy.verdict(thrice, T0.plus(Duration.ofDays(1)), false)).isInstanceOf(RetryVerdict.Refused.class);
    }

    @Test
    void a_message_that_did_not_fail_is_not_retried_even_forced() {
        Message delivered = accepted().apply(new DeliveryEvent(SID, "delivered", DeliveryError.NONE, EventSource.CALLBACK, T0));
        assertThat(policy.verdict(delivered, T0, true)).isInstanceOf(RetryVerdict.Refused.class);
        assertThatIllegalStateException().isThrownBy(delivered::startNewAttempt);
    }

    @Test
    void with_retries_off_nothing_is_retried_by_itself() {
        RetryPolicy off = new RetryPolicy(false, 3, Duration.ZERO, Duration.ZERO);
        assertThat(off.verdict(failedWith(30003), T0.plus(Duration.ofDays(1)), false)).isInstanceOf(RetryVerdict.Refused.class);
    }

    @Test
    void the_wait_doubles_up_to_its_cap() {
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofMinutes(15));
        assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(true, 0, Duration.ZERO, Duration.ZERO))
                .withMessage("maxAttempts must be 1 to 10, was 0");
    }

    @Test
    void a_new_attempt_starts_clean_and_keeps_the_count() {
        Message retried = failedWith(30003).startNewAttempt();
        assertThat(retried.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(retried.sid()).isEmpty();
        assertThat(retried.error()).isEqualTo(DeliveryError.NONE);
        assertThat(retried.milestones()).isEqualTo(Milestones.none());
        assertThat(retried.attempts()).isEqualTo(1);
    }

    private static Message accepted() {
        return Message.pending(OrganizationId.of(1), Address.sms("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("hi"), Map.of(), Optional.empty(), T0).withId(MessageId.of(5)).acceptedAs(SID);
    }

    private static Message failedWith(int code) {
        return accepted().apply(new DeliveryEvent(SID, "undelivered", DeliveryError.of(code, ""), EventSource.CALLBACK, T0));
    }
}
