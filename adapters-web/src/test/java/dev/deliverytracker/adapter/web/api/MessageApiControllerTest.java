package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.Actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.MessageFacts;
import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.SendLimit;
import dev.deliverytracker.application.port.in.AdmitSendRequest.Admission.OverBudget;
import dev.deliverytracker.application.port.in.AdmitSendRequest.Budget;
import dev.deliverytracker.application.port.in.FindDeliveryHistory;
import dev.deliverytracker.application.port.in.FindMessage;
import dev.deliverytracker.application.port.in.SendMessage;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryError;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.Direction;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.Milestones;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Origin;
import dev.deliverytracker.domain.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The send and read endpoints through Spring MVC (JSON in, problem details out) with the use cases
 * answering what each test needs: what the controller and its exception handler make of every outcome,
 * without a database or the rest of the application.
 */
class MessageApiControllerTest {

    private static final OrganizationId ORG = OrganizationId.of(7);
    private static final ApiCaller CALLER = new ApiCaller(1, ORG);
    private static final String BODY = """
            {"channel":"sms","to":"+15551230000","body":"hello"}""";

    private final List<SendMessageCommand> sent = new ArrayList<>();
    private SendOutcome answer;
    private Optional<Message> found = Optional.empty();
    private Optional<MessageSummary> listed = Optional.empty();

    @Test
    void an_accepted_send_is_202_with_the_status_url_as_location() throws Exception {
        answer = new SendOutcome.Accepted(message(41));

        send(BODY).andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/messages/41"))
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.id").value("41"))
                .andExpect(jsonPath("$.status").value("pending"));
        assertThat(sent).singleElement().satisfies(request -> assertThat(request.caller()).isEqualTo(CALLER));
    }

    @Test
    void a_repeated_idempotency_key_answers_the_first_message_and_says_so() throws Exception {
        answer = new SendOutcome.Repeated(message(41));

        send(BODY).andExpect(status().isAccepted()).andExpect(header().string("Idempotent-Replayed", "true"));
    }

    @Test
    void every_refusal_of_the_use_case_is_a_problem_with_its_own_status() throws Exception {
        answer = new SendOutcome.OverBudget(new OverBudget(Budget.API_KEY, new SendLimit(10, Duration.ofSeconds(1)),
                Duration.ofMillis(1500)));
        send(BODY).andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "2"))
                .andExpect(jsonPath("$.budget").value("api-key"));

        answer = new SendOutcome.IdempotencyConflict(MessageId.of(3), "the key was used for another body");
        send(BODY).andExpect(status().isConflict()).andExpect(jsonPath("$.originalMessageId").value("3"));

        answer = new SendOutcome.OrganizationDisabled(ORG);
        send(BODY).andExpect(status().isForbidden()).andExpect(jsonPath("$.title").value("Organization disabled"));

        answer = new SendOutcome.NotPermitted("the send scope");
        send(BODY).andExpect(status().isForbidden()).andExpect(jsonPath("$.needed").value("the send scope"));

        answer = new SendOutcome.SenderNotAllowed("from", "not a sender of this organization");
        send(BODY).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("from"));

        answer = new SendOutcome.OutsideWindow(Address.whatsapp("+15551230000"), Optional.empty());
        send(BODY).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail").value(
                org.hamcrest.Matchers.containsString("63016")));
    }

    @Test
    void a_body_that_is_not_json_or_misses_fields_is_a_400_naming_what_is_wrong_and_reaches_no_use_case()
            throws Exception {
        send("{\"channel\":").andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("Unreadable request"));
        send("{\"channel\":\"fax\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("channel", "body")));

        assertThat(sent).isEmpty();
    }

    @Test
    void a_message_of_another_organization_or_none_is_404_and_an_unreadable_id_is_400() throws Exception {
        found = Optional.of(message(41));
        mvc().perform(get("/api/v1/messages/41").requestAttr(ApiKeyFilter.ORGANIZATION, ORG)
                .requestAttr(ApiKeyFilter.ACTOR, Actor.key(CALLER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.to").value("+15551230000"))
                .andExpect(jsonPath("$.direction").value("outgoing"));

        found = Optional.empty();
        mvc().perform(get("/api/v1/messages/41").requestAttr(ApiKeyFilter.ORGANIZATION, ORG)
                .requestAttr(ApiKeyFilter.ACTOR, Actor.key(CALLER)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.title").value("Message not found"));
        mvc().perform(get("/api/v1/messages/forty-one").requestAttr(ApiKeyFilter.ORGANIZATION, ORG)
                .requestAttr(ApiKeyFilter.ACTOR, Actor.key(CALLER)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void a_message_a_customer_sent_is_read_as_the_lists_read_it_and_says_it_came_in() throws Exception {
        listed = Optional.of(new MessageSummary(MessageId.of(42), Channel.WHATSAPP, "+14155238886", "+31612345678",
                "SM0123456789abcdef0123456789abcdef", DeliveryStatus.RECEIVED, DeliveryError.NONE, Map.of(),
                Milestones.none(), 0, Instant.parse("2026-12-03T12:00:00Z"), Origin.API, Direction.INCOMING));

        mvc().perform(get("/api/v1/messages/42").requestAttr(ApiKeyFilter.ORGANIZATION, ORG)
                .requestAttr(ApiKeyFilter.ACTOR, Actor.key(CALLER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.direction").value("incoming"))
                .andExpect(jsonPath("$.from").value("whatsapp:+31612345678"))
                .andExpect(jsonPath("$.to").value("whatsapp:+14155238886"))
                .andExpect(jsonPath("$.status").value("received"));

        listed = Optional.of(new MessageSummary(MessageId.of(42), Channel.SMS, "+31612345678", "", "",
                DeliveryStatus.PENDING, DeliveryError.NONE, Map.of(), Milestones.none(), 0,
                Instant.parse("2026-12-03T12:00:00Z"), Origin.API, Direction.OUTGOING));
        // An outgoing message the send side does not find is not found, whatever the lists say.
        mvc().perform(get("/api/v1/messages/42").requestAttr(ApiKeyFilter.ORGANIZATION, ORG)
                .requestAttr(ApiKeyFilter.ACTOR, Actor.key(CALLER)))
                .andExpect(status().isNotFound());
    }

    private ResultActions send(String body) throws Exception {
        return mvc().perform(post("/api/v1/messages").requestAttr(ApiKeyFilter.CALLER, CALLER)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private MockMvc mvc() {
        SendMessage sendMessage = request -> {
            sent.add(request);
            return answer;
        };
        FindMessage findMessage = new FindMessage() {
            @Override
            public Optional<Message> find(Actor actor, OrganizationId organization, MessageId id) {
                return found.filter(message -> message.organization().equals(organization));
            }

            @Override
            public Optional<Instant> pacedUntil(MessageId id) {
                return Optional.empty();
            }

            @Override
            public Optional<String> heldBecause(Message message) {
                return Optional.empty();
            }

            @Override
            public Optional<MessageFacts> charges(MessageId id) {
                return Optional.empty();
            }
        };
        FindDeliveryHistory history = (actor, organization, id, withPayload) -> listed
                .filter(message -> organization.equals(ORG) && message.id().equals(id))
                .map(message -> new FindDeliveryHistory.DeliveryTimeline(message, List.of(), Map.of()));
        return MockMvcBuilders.standaloneSetup(new MessageApiController(sendMessage, findMessage, history))
                .setControllerAdvice(new ApiExceptionHandler()).build();
    }

    private static Message message(long id) {
        return Message.pending(ORG, Address.sms("+15551230000"), Sender.organizationDefault(),
                new MessageContent.Text("hello"), Map.of(), Optional.empty(), Instant.parse("2026-12-03T12:00:00Z"))
                .withId(MessageId.of(id));
    }
}
