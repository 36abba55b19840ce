package dev.deliverytracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessagesApiTest {

    private static final String TO = "+4915112345678";
    private static final String FROM = "+15005550006";

    private TwilioSimulator simulator;
    private TwilioHttp http;

    @BeforeEach
    void start() {
        simulator = TwilioSimulator.start();
        simulator.behaviour(simulator.behaviour().withDefaultOutcome(Outcome.noCallbacks()));
        http = new TwilioHttp(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void create_answers_201_with_twilios_fields() {
        TwilioHttp.Answer answer = http.create("To", TO, "From", FROM, "Body", "Your parcel is on its way");

        assertThat(answer.status()).isEqualTo(201);
        JsonNode json = answer.json();
        assertThat(json.get("sid").asText()).matches("SM[0-9a-f]{32}");
        assertThat(json.get("account_sid").asText()).isEqualTo(simulator.accountSid());
        assertThat(json.get("status").asText()).isEqualTo("queued");
        assertThat(json.get("to").asText()).isEqualTo(TO);
        assertThat(json.get("from").asText()).isEqualTo(FROM);
        assertThat(json.get("body").asText()).isEqualTo("Your parcel is on its way");
        assertThat(json.get("direction").asText()).isEqualTo("outbound-api");
        assertThat(json.get("api_version").asText()).isEqualTo("2010-04-01");
        assertThat(json.get("num_segments").asText()).isEqualTo("1");
        assertThat(json.get("num_media").asText()).isEqualTo("0");
        assertThat(json.get("error_code").isNull()).isTrue();
        assertThat(json.get("price").isNull()).isTrue();
        assertThat(json.get("price_unit").asText()).isEqualTo("USD");
        assertThat(json.get("messaging_service_sid").isNull()).isTrue();
        assertThat(json.get("uri").asText()).isEqualTo(http.messagesPath().replace(".json", "/" + json.get("sid").asText() + ".json"));
        assertThat(json.get("subresource_uris").get("media").asText()).endsWith("/Media.json");
        assertThat(json.get("date_sent").isNull()).isTrue();
        // RFC 2822, as twilio-java parses it
        ZonedDateTime.parse(json.get("date_created").asText(), DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US));
        assertThat(json.get("date_created").asText()).endsWith(" +0000");
    }

    @Test
    void create_through_a_messaging_service_answers_accepted_without_a_from() {
        TwilioHttp.Answer answer = http.create("To", TO, "MessagingServiceSid", "MG" + "a".repeat(32), "Body", "hi");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("status").asText()).isEqualTo("accepted");
        assertThat(answer.json().get("messaging_service_sid").asText()).isEqualTo("MG" + "a".repeat(32));
        assertThat(answer.json().get("from").isNull()).isTrue();
    }

    @Test
    void a_whatsapp_template_needs_no_body() {
        TwilioHttp.Answer answer = http.create("To", "whatsapp:" + TO, "From", "whatsapp:" + FROM,
                "ContentSid", "HX" + "b".repeat(32), "ContentVariables", "{\"1\":\"42\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("to").asText()).isEqualTo("whatsapp:" + TO);
    }

    @Test
    void a_create_delay_set_through_the_control_api_holds_each_create_that_long_before_its_answer() {
        assertThat(http.control("PUT", "/simulator/behaviour", "{\"createDelayMs\":300}").status()).isEqualTo(200);

        long started = System.nanoTime();
        TwilioHttp.Answer answer = http.create("To", TO, "From", FROM, "Body", "hi");
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.status()).isEqualTo(201);
        assertThat(tookMs).isGreaterThanOrEqualTo(300);
        assertThat(simulator.behaviour().createDelayMs()).isEqualTo(300);
    }

    @Test
    void a_create_delay_out_of_range_is_refused() {
        assertThat(http.control("PUT", "/simulator/behaviour", "{\"createDelayMs\":-1}").status()).isEqualTo(400);
        assertThat(simulator.behaviour().createDelayMs()).isZero();
    }

    @Test
    void a_long_body_counts_its_segments() {
        assertThat(http.create("To", TO, "From", FROM, "Body", "x".repeat(161)).json().get("num_segments").asText()).isEqualTo("2");
        assertThat(http.create("To", TO, "From", FROM, "Body", "ü".repeat(71)).json().get("num_segments").asText()).isEqualTo("2");
    }

    @Test
    void bad_requests_get_twilios_error_codes() {
        assertError(http.create("From", FROM, "Body", "hi"), 400, 21604);
        assertError(http.create("To", "+49", "From", FROM, "Body", "hi"), 400, 21211);
        assertError(http.create("To", "004915112345678", "From", FROM, "Body", "hi"), 400, 21211);
        assertError(http.create("To", "+1234567890123456", "From", FROM, "Body", "hi"), 400, 21211);
        assertError(http.create("To", TO, "From", "whatsapp:" + FROM, "Body", "hi"), 400, 21211);
        assertError(http.create("To", "whatsapp:" + TO, "From", FROM, "Body", "hi"), 400, 63007);
        assertError(http.create("To", TO, "Body", "hi"), 400, 21603);
        assertError(http.create("To", TO, "From", FROM), 400, 21602);
        assertError(http.create("To", TO, "From", FROM, "Body", "x".repeat(1601)), 400, 21617);
        assertThat(simulator.messages()).isEmpty();
    }

    @Test
    void a_body_of_exactly_1600_characters_is_accepted() {
        assertThat(http.create("To", TO, "From", FROM, "Body", "x".repeat(1600)).status()).isEqualTo(201);
    }

    @Test
    void an_error_has_twilios_json_shape() {
        JsonNode json = http.create("To", TO, "From", FROM).json();

        assertThat(json.get("code").asInt()).isEqualTo(21602);
        assertThat(json.get("message").asText()).isNotBlank();
        assertThat(json.get("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/21602");
        assertThat(json.get("status").asInt()).isEqualTo(400);
    }

    @Test
    void a_reject_rule_refuses_the_create_and_stores_nothing() {
        simulator.behaviour(simulator.behaviour().withRule("^\\+4917", Outcome.rejectOnCreate(21610)));

        assertError(http.create("To", "+4917612345678", "From", FROM, "Body", "hi"), 400, 21610);
        assertThat(http.create("To", TO, "From", FROM, "Body", "hi").status()).isEqualTo(201);
        assertThat(simulator.messages()).hasSize(1);
    }

    @Test
    void wrong_or_missing_credentials_get_401_with_code_20003() {
        assertError(http.as(simulator.accountSid(), "wrong-token").create("To", TO, "From", FROM, "Body", "hi"), 401, 20003);
        assertError(http.as("AC" + "1".repeat(32), simulator.authToken()).get(http.messagesPath()), 401, 20003);
        assertThat(simulator.messages()).isEmpty();
    }

    @Test
    void another_registered_account_works_with_its_own_token_but_not_on_someone_elses_path() {
        String sub = "AC" + "2".repeat(32);
        simulator.registerAccount(sub, "sub-token");
        TwilioHttp subHttp = http.as(sub, "sub-token");

        assertThat(subHttp.create("To", TO, "From", FROM, "Body", "hi").status()).isEqualTo(201);
        assertError(subHttp.post(http.messagesPath(), "To=%2B4915112345678&From=%2B15005550006&Body=hi"), 401, 20003);
        assertThat(http.get(http.messagesPath()).json().get("messages")).isEmpty();
    }

    @Test
    void fetch_answers_the_message_and_404_for_an_unknown_sid() {
        String sid = http.create("To", TO, "From", FROM, "Body", "hi").json().get("sid").asText();

        TwilioHttp.Answer found = http.get(http.messagesPath().replace(".json", "/" + sid + ".json"));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("sid").asText()).isEqualTo(sid);

        assertError(http.get(http.messagesPath().replace(".json", "/SM" + "0".repeat(32) + ".json")), 404, 20404);
    }

    @Test
    void list_is_newest_first_filters_by_to_and_pages() {
        String first = http.create("To", TO, "From", FROM, "Body", "1").json().get("sid").asText();
        String second = http.create("To", "+4915199999999", "From", FROM, "Body", "2").json().get("sid").asText();
        String third = http.create("To", TO, "From", FROM, "Body", "3").json().get("sid").asText();

        JsonNode all = http.get(http.messagesPath()).json();
        assertThat(all.get("messages").findValuesAsText("sid")).containsExactly(third, second, first);

        JsonNode toOne = http.get(http.messagesPath() + "?To=%2B4915112345678").json();
        assertThat(toOne.get("messages").findValuesAsText("sid")).containsExactly(third, first);

        JsonNode page0 = http.get(http.messagesPath() + "?PageSize=2").json();
        assertThat(page0.get("messages").findValuesAsText("sid")).containsExactly(third, second);
        assertThat(page0.get("page_size").asInt()).isEqualTo(2);
        assertThat(page0.get("previous_page_uri").isNull()).isTrue();
        String next = page0.get("next_page_uri").asText();
        assertThat(next).startsWith(http.messagesPath() + "?").contains("Page=1");

        JsonNode page1 = http.get(next).json();
        assertThat(page1.get("messages").findValuesAsText("sid")).containsExactly(first);
        assertThat(page1.get("next_page_uri").isNull()).isTrue();
        assertThat(page1.get("previous_page_uri").asText()).contains("Page=0");
    }

    @Test
    void date_sent_filters_see_only_sent_messages() {
        simulator.behaviour(simulator.behaviour().withDefaultOutcome(Outcome.sentOnly()));
        String sid = http.create("To", TO, "From", FROM, "Body", "1").json().get("sid").asText();
        org.awaitility.Awaitility.await().until(() -> simulator.message(sid).orElseThrow().dateSent() != null);
        simulator.behaviour(simulator.behaviour().withDefaultOutcome(Outcome.noCallbacks()));
        http.create("To", TO, "From", FROM, "Body", "never sent");

        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertThat(http.get(http.messagesPath() + "?DateSent%3E=" + today).json().get("messages").findValuesAsText("sid"))
                .containsExactly(sid);
        assertThat(http.get(http.messagesPath() + "?DateSent=" + today).json().get("messages").findValuesAsText("sid"))
                .containsExactly(sid);
        assertThat(http.get(http.messagesPath() + "?DateSent%3C=2000-01-01").json().get("messages")).isEmpty();
    }

    @Test
    void a_message_of_another_account_is_not_found() {
        String sub = "AC" + "3".repeat(32);
        simulator.registerAccount(sub, "t");
        String sid = http.create("To", TO, "From", FROM, "Body", "hi").json().get("sid").asText();

        TwilioHttp subHttp = http.as(sub, "t");
        assertError(subHttp.get(subHttp.messagesPath().replace(".json", "/" + sid + ".json")), 404, 20404);
    }

    private static void assertError(TwilioHttp.Answer answer, int status, int code) {
        assertThat(answer.status()).as("HTTP status of %s", answer.json()).isEqualTo(status);
        assertThat(answer.json().get("code").asInt()).isEqualTo(code);
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
    }
}
