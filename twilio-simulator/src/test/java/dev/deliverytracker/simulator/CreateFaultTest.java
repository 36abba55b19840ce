package dev.deliverytracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateFaultTest {

    private TwilioSimulator simulator;
    private TwilioHttp http;

    @BeforeEach
    void start() {
        simulator = TwilioSimulator.start();
        http = new TwilioHttp(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private TwilioHttp.Answer create() {
        return http.create("To", "+4915112345678", "From", "+15005550006", "Body", "hi");
    }

    @Test
    void the_next_creates_answer_429_with_code_20429_then_it_recovers() {
        simulator.injectCreateFaults(CreateFault.TOO_MANY_REQUESTS, 2);

        assertThat(create().status()).isEqualTo(429);
        TwilioHttp.Answer second = create();
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.json().get("code").asInt()).isEqualTo(20429);
        assertThat(create().status()).isEqualTo(201);
        assertThat(simulator.messages()).hasSize(1);
        assertThat(simulator.remainingCreateFaults()).isZero();
    }

    @Test
    void server_errors_store_nothing() {
        simulator.injectCreateFaults(CreateFault.SERVICE_UNAVAILABLE, 1);
        assertThat(create().status()).isEqualTo(503);
        simulator.injectCreateFaults(CreateFault.SERVER_ERROR, 1);
        assertThat(create().status()).isEqualTo(500);

        assertThat(simulator.messages()).isEmpty();
    }

    @Test
    void accept_then_server_error_stores_the_message_but_answers_500() {
        simulator.injectCreateFaults(CreateFault.ACCEPT_THEN_SERVER_ERROR, 1);

        TwilioHttp.Answer answer = create();

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("code").asInt()).isEqualTo(20500);
        assertThat(simulator.messages()).hasSize(1);
    }

    @Test
    void faults_do_not_touch_fetch_or_list() {
        simulator.injectCreateFaults(CreateFault.SERVER_ERROR, 5);

        assertThat(http.get(http.messagesPath()).status()).isEqualTo(200);
        assertThat(simulator.remainingCreateFaults()).isEqualTo(5);
    }
}
