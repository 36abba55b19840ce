package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ConversationMessage;
import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.WindowEnforcement;
import dev.deliverytracker.application.port.in.FindConversation;
import dev.deliverytracker.application.port.in.FindCustomerServiceWindows;
import dev.deliverytracker.application.port.in.ManageWindowEnforcement;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.CustomerServiceWindow;
import dev.deliverytracker.domain.Direction;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WhatsApp customer service windows the organization's inbound messages (Twilio Event Streams)
 * opened, what the send API does with free-form messages outside them, and a recipient's conversation.
 */
@RestController
class CustomerServiceWindowApiController {

    private static final int MAX_LISTED = 500;

    private final FindCustomerServiceWindows windows;
    private final ManageWindowEnforcement enforcement;
    private final FindConversation conversations;
    private final Clock clock;

    CustomerServiceWindowApiController(FindCustomerServiceWindows windows, ManageWindowEnforcement enforcement,
            FindConversation conversations, Clock clock) {
        this.windows = windows;
        this.enforcement = enforcement;
        this.conversations = conversations;
        this.clock = clock;
    }

    /**
     * The messages sent to a recipient and the ones they sent back, newest first: {@code
     * ?recipient=whatsapp:%2B31612345678} (without {@code whatsapp:} it is the SMS conversation).
     */
    @GetMapping("/api/v1/conversations")
    public ConversationResponse conversation(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestParam String recipient, @RequestParam(defaultValue = "50") int limit) {
        FindConversation.Conversation conversation = conversations.with(actor, organization, Address.parseTwilio(recipient),
                limit);
        Instant now = clock.instant();
        return new ConversationResponse(conversation.recipient().toTwilio(),
                conversation.window().map(window -> WindowResponse.of(window, now)).orElse(null),
                conversation.messages().stream().map(ConversationEntry::of).toList());
    }

    /** One recipient's window: {@code ?recipient=+31612345678} (with or without {@code whatsapp:}). */
    @GetMapping(path = "/api/v1/whatsapp-windows", params = "recipient")
    public WindowResponse one(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestParam String recipient) {
        Address customer = Address.parseFor(Channel.WHATSAPP, recipient);
        return windows.of(actor, organization, customer).map(window -> WindowResponse.of(window, clock.instant()))
                .orElseGet(() -> new WindowResponse(customer.toTwilio(), null, null, null, false));
    }

    /** The windows open now, latest first, with the organization's enforcement. */
    @GetMapping("/api/v1/whatsapp-windows")
    public OpenWindowsResponse open(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization) {
        return new OpenWindowsResponse(windows.enforcement(actor, organization).wireName(),
                windows.openNow(actor, organization, MAX_LISTED).stream()
                        .map(window -> WindowResponse.of(window, clock.instant())).toList());
    }

    /** {@code {"mode":"refuse"}} (or {@code warn}, {@code off}). */
    @PutMapping("/api/v1/whatsapp-windows/enforcement")
    public Map<String, String> enforce(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestBody(required = false) Map<String, String> body) {
        WindowEnforcement mode = WindowEnforcement.parse(body == null ? null : body.get("mode"));
        enforcement.set(actor, organization, mode);
        return Map.of("mode", mode.wireName());
    }

    /** The problem the send API answers for a free-form WhatsApp message outside the window. */
    static ApiProblem outsideWindow(SendOutcome.OutsideWindow outside) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("twilioErrorCode", CustomerServiceWindow.OUTSIDE_WINDOW_ERROR);
        properties.put("moreInfo", "https://www.twilio.com/docs/errors/" + CustomerServiceWindow.OUTSIDE_WINDOW_ERROR);
        outside.lastInboundAt().ifPresent(at -> properties.put("lastInboundAt", at.toString()));
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Outside the WhatsApp customer service window",
                "Twilio would fail this message with error 63016: free-form WhatsApp messages reach a recipient only "
                        + "within 24 hours of their last message to you, and " + outside.recipient()
                        + (outside.lastInboundAt().isPresent() ? " last wrote at " + outside.lastInboundAt().get()
                                : " has not written to you")
                        + "; send an approved template instead (contentSid)", properties);
    }

    /** A window as the API shows it; {@code open} at the time of the answer. */
    public record WindowResponse(String recipient, String business, Instant lastInboundAt, Instant closesAt,
            boolean open) {

        static WindowResponse of(CustomerServiceWindow window, Instant now) {
            return new WindowResponse(window.customer().toTwilio(), window.business().toTwilio(), window.lastInboundAt(),
                    window.closesAt(), window.isOpenAt(now));
        }
    }

    public record OpenWindowsResponse(String enforcement, List<WindowResponse> open) {
    }

    public record ConversationResponse(String recipient, WindowResponse window, List<ConversationEntry> messages) {
    }

    /**
     * One message of a conversation, either way: {@code direction} {@code outgoing} (its {@code status} and
     * {@code errorCode}) or {@code incoming} (status {@code received}, with the number it reached in {@code to});
     * {@code id} is the message's id in {@code /api/v1/messages/{id}} either way.
     */
    public record ConversationEntry(String direction, String id, String sid, String status, Integer errorCode,
            String to, String body, Instant at) {

        static ConversationEntry of(ConversationMessage entry) {
            MessageSummary message = entry.message();
            return new ConversationEntry(message.direction().wireName(), message.id().toString(),
                    message.sid().isEmpty() ? null : message.sid(), message.status().wireName(),
                    message.error().isPresent() ? message.error().code() : null,
                    message.direction() == Direction.INCOMING ? message.channel().addressPrefix() + message.to() : null,
                    entry.body().isEmpty() ? null : entry.body(), message.createdAt());
        }
    }
}
