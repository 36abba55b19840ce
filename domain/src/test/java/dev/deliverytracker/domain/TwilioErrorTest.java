package dev.deliverytracker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TwilioErrorTest {

    @Test
    void an_unsubscribed_recipient_is_never_retried() {
        assertThat(TwilioError.byCode(21610)).hasValueSatisfying(error -> {
            assertThat(error.isRetryable()).isFalse();
            assertThat(error.retryAdvice()).isEqualTo(RetryAdvice.NEVER);
        });
    }

    @Test
    void an_unreachable_handset_is_worth_retrying_later() {
        assertThat(TwilioError.byCode(30003)).hasValueSatisfying(error -> {
            assertThat(error.isRetryable()).isTrue();
            assertThat(error.retryAdvice()).isEqualTo(RetryAdvice.RETRY_LATER);
        });
    }

    @Test
    void content_problems_need_a_fix_before_a_retry() {
        assertThat(TwilioError.byCode(30007).orElseThrow().isRetryable()).isFalse();
        assertThat(TwilioError.byCode(63016).orElseThrow().isRetryable()).isFalse();
    }

    @Test
    void an_unknown_code_has_no_meaning_rather_than_a_guess() {
        assertThat(TwilioError.byCode(12345)).isEmpty();
        assertThat(DeliveryError.of(12345, "").meaning()).isEmpty();
    }

    @Test
    void every_entry_links_to_twilio_docs_and_has_advice() {
        for (TwilioError error : TwilioError.values()) {
            assertThat(error.moreInfo()).endsWith("/" + error.code());
            assertThat(error.title()).isNotBlank();
            assertThat(error.suggestedAction()).isNotBlank();
        }
    }
}
