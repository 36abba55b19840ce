package dev.deliverytracker.adapter.web.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.domain.WebhookSecret;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardWebhookSignatureTest {

    // The example of the Standard Webhooks reference libraries' tests.
    static final WebhookSecret SECRET = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    @Test
    void the_signature_is_the_one_the_standard_s_reference_libraries_compute() {
        assertThat(StandardWebhookSignature.header("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}", List.of(SECRET)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void during_a_rotation_both_secrets_sign_separated_by_a_space() {
        WebhookSecret next = WebhookSecret.generate();
        String header = StandardWebhookSignature.header("msg_1", 1614265330, "{}", List.of(next, SECRET));
        assertThat(header.split(" ")).containsExactly(
                "v1," + StandardWebhookSignature.sign(next, "msg_1", 1614265330, "{}"),
                "v1," + StandardWebhookSignature.sign(SECRET, "msg_1", 1614265330, "{}"));
    }

    @Test
    void another_body_id_or_time_gives_another_signature() {
        String signed = StandardWebhookSignature.sign(SECRET, "msg_1", 1, "{}");
        assertThat(StandardWebhookSignature.sign(SECRET, "msg_1", 1, "{ }")).isNotEqualTo(signed);
        assertThat(StandardWebhookSignature.sign(SECRET, "msg_2", 1, "{}")).isNotEqualTo(signed);
        assertThat(StandardWebhookSignature.sign(SECRET, "msg_1", 2, "{}")).isNotEqualTo(signed);
    }
}
