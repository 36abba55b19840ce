package dev.deliverytracker.adapter.web.dashboard;

import dev.deliverytracker.application.port.ConversationMessage;
import dev.deliverytracker.application.port.MessageSummary;
import dev.deliverytracker.application.port.OrganizationName;
import dev.deliverytracker.application.port.in.FindConversation;
import dev.deliverytracker.application.port.in.FindDeliveryHistory;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.CustomerServiceWindow;
import dev.deliverytracker.domain.Direction;
import dev.deliverytracker.domain.MessageId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dashboard's conversation with the other person of a message (its recipient, or the customer who
 * wrote it): what the organization sent them and what they wrote (messages of direction incoming, from
 * Twilio Event Streams), newest first, with their WhatsApp window. Reached from a message's page, so the
 * number is never put in a URL; numbers are masked.
 */
@Controller
class ConversationDashboardController {

    private static final int SHOWN = 100;

    private final FindDeliveryHistory history;
    private final FindConversation conversations;
    private final ManageOperators operators;
    private final Clock clock;

    ConversationDashboardController(FindDeliveryHistory history, FindConversation conversations,
            ManageOperators operators, Clock clock) {
        this.history = history;
        this.conversations = conversations;
        this.operators = operators;
        this.clock = clock;
    }

    @GetMapping("/dashboard/messages/{id}/conversation")
    public String conversation(Authentication operator, @PathVariable String id, Model model) {
        MessageId messageId;
        try {
            messageId = MessageId.parse(id);
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No message " + id + " in your organizations.");
        }
        List<OrganizationName> memberships = operators.organizationsOf(operator.getName());
        for (OrganizationName organization : memberships) {
            Optional<MessageSummary> message = history.timeline(DashboardRole.actor(operators, operator), organization.id(), messageId, false)
                    .map(FindDeliveryHistory.DeliveryTimeline::message);
            if (message.isPresent()) {
                Address recipient = Address.parseFor(message.get().channel(), message.get().counterpart());
                FindConversation.Conversation conversation = conversations.with(DashboardRole.actor(operators, operator), organization.id(), recipient, SHOWN);
                Instant now = clock.instant();
                model.addAttribute("organizations", memberships);
                model.addAttribute("org", organization);
                model.addAttribute("username", operator.getName());
                DashboardRole.show(operators, operator, organization.id(), model);
                model.addAttribute("messageId", messageId.toString());
                model.addAttribute("recipient", recipient.toString());
                model.addAttribute("window", window(conversation.window(), now));
                model.addAttribute("entries", conversation.messages().stream().map(EntryRow::of).toList());
                return "conversation";
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No message " + messageId + " in your organizations.");
    }

    private static String window(Optional<CustomerServiceWindow> window, Instant now) {
        if (window.isEmpty()) {
            return "never wrote to the organization (inbound messages come from Twilio Event Streams)";
        }
        CustomerServiceWindow known = window.get();
        if (!known.isOpenAt(now)) {
            return "closed since " + DashboardViews.time(known.closesAt()) + " UTC: free-form WhatsApp messages need a "
                    + "template (Twilio error 63016)";
        }
        Duration left = Duration.between(now, known.closesAt());
        return "open until " + DashboardViews.time(known.closesAt()) + " UTC (" + left.toHours() + " h "
                + left.toMinutesPart() + " min left), last wrote to " + known.business();
    }

    /** One message of the conversation, either way, as the page shows it. */
    public record EntryRow(String at, String direction, String text, String status, String css, String link) {

        static EntryRow of(ConversationMessage entry) {
            MessageSummary message = entry.message();
            String link = "/dashboard/messages/" + message.id();
            if (message.direction() == Direction.INCOMING) {
                return new EntryRow(DashboardViews.time(message.createdAt()), "received", entry.body(), "", "", link);
            }
            String text = entry.body().isEmpty() ? "message " + message.id() : entry.body();
            return new EntryRow(DashboardViews.time(message.createdAt()), "sent", text, message.status().wireName(),
                    DashboardViews.css(message.status()), link);
        }
    }
}
