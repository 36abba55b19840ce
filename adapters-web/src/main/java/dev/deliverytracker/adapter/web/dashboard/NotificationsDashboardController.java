package dev.deliverytracker.adapter.web.dashboard;

import dev.deliverytracker.application.port.DeadLetter;
import dev.deliverytracker.application.port.ReceiverAnswer;
import dev.deliverytracker.application.port.in.ManageDeadLetters;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.application.port.in.ManageSubscriptions;
import dev.deliverytracker.application.port.in.ManageSubscriptions.Outcome;
import dev.deliverytracker.application.port.in.SubscriptionRequest;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.NotificationScope;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Subscription;
import dev.deliverytracker.domain.SubscriptionId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard's notifications page: the organization's subscriptions and dead letters, through the
 * same use cases as the notifications API. Every operator of the organization sees them; only an admin
 * creates, pauses, enables, tests, rotates and replays. A new or rotated secret is shown once, on the
 * page the action leads back to.
 */
@Controller
class NotificationsDashboardController {

    static final String PAGE = "/dashboard/notifications";
    private static final int DEAD_LETTERS_SHOWN = 100;

    private final ManageSubscriptions subscriptions;
    private final ManageDeadLetters deadLetters;
    private final ManageOperators operators;

    NotificationsDashboardController(ManageSubscriptions subscriptions, ManageDeadLetters deadLetters,
            ManageOperators operators) {
        this.subscriptions = subscriptions;
        this.deadLetters = deadLetters;
        this.operators = operators;
    }

    /** A subscription as the page lists it. */
    public record SubscriptionRow(String id, String url, String scope, String filters, boolean enabled,
            String state, String createdAt) {

        static SubscriptionRow of(Subscription subscription) {
            String channels = subscription.channels().stream().map(Channel::wireName).sorted()
                    .collect(Collectors.joining(", "));
            String tags = subscription.tags().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(", "));
            String filters = (channels.isEmpty() ? "every channel" : channels) + (tags.isEmpty() ? "" : "; " + tags);
            return new SubscriptionRow(subscription.id().toString(), subscription.url().toString(),
                    subscription.scope().wireName(), filters, subscription.enabled(),
                    subscription.enabled() ? "enabled" : "paused" + (subscription.pausedReason().isEmpty() ? ""
                            : ": " + subscription.pausedReason()),
                    DashboardViews.time(subscription.createdAt()));
        }
    }

    /** A dead letter as the page lists it: where it was going, what it was, why it stopped. */
    public record DeadLetterRow(String id, String to, String type, int attempts, String lastError, String deadAt) {

        static DeadLetterRow of(DeadLetter letter, Map<SubscriptionId, String> urls) {
            String to = letter.statusCallback().map(url -> "status callback " + url)
                    .orElseGet(() -> "subscription " + letter.subscription() + " "
                            + urls.getOrDefault(letter.subscription(), ""));
            return new DeadLetterRow(Long.toString(letter.deliveryId()), to.trim(), letter.type(), letter.attempts(),
                    letter.lastError(), DashboardViews.time(letter.deadAt()));
        }
    }

    @GetMapping(PAGE)
    public String page(Authentication operator, @RequestParam(required = false) String org, Model model) {
        DashboardScope scope = DashboardScope.of(operators.organizationsOf(operator.getName()), org);
        OrganizationId organization = scope.selected().id();
        model.addAttribute("organizations", scope.organizations());
        model.addAttribute("org", scope.selected());
        model.addAttribute("username", operator.getName());
        DashboardRole.show(operators, operator, organization, model);
        model.addAttribute("manages", managesIn(operator, organization));
        List<Subscription> known = subscriptions.list(DashboardRole.actor(operators, operator), organization);
        Map<SubscriptionId, String> urls = known.stream()
                .collect(Collectors.toMap(Subscription::id, subscription -> subscription.url().toString()));
        model.addAttribute("subscriptions", known.stream().map(SubscriptionRow::of).toList());
        model.addAttribute("deadLetters", deadLetters.deadLetters(DashboardRole.actor(operators, operator), organization, Optional.empty(), DEAD_LETTERS_SHOWN)
                .stream().map(letter -> DeadLetterRow.of(letter, urls)).toList());
        model.addAttribute("scopes", List.of(NotificationScope.values()).stream().map(NotificationScope::wireName)
                .toList());
        return "notifications";
    }

    @PostMapping(PAGE + "/subscriptions")
    public String create(Authentication operator, @RequestParam String org, @RequestParam(required = false) String url,
            @RequestParam(required = false) String scope,
            @RequestParam(name = "channel", required = false) List<String> channels, RedirectAttributes redirect) {
        OrganizationId organization = adminScope(operator, org);
        Optional<URI> target = url(url);
        if (target.isEmpty()) {
            return back(org, redirect, "problem", "The URL is not one: give an https URL such as "
                    + "https://orders.example.com/hooks.");
        }
        SubscriptionRequest request;
        try {
            request = new SubscriptionRequest(target.get(), scope == null || scope.isBlank() ? null
                    : NotificationScope.parse(scope), channels == null ? null
                    : channels.stream().map(Channel::parse).collect(Collectors.toSet()), Map.of());
        } catch (IllegalArgumentException invalid) {
            return back(org, redirect, "problem", invalid.getMessage());
        }
        Outcome outcome = subscriptions.create(DashboardRole.actor(operators, operator), organization, request);
        if (outcome instanceof Outcome.Refused refused) {
            return back(org, redirect, "problem", "Refused: " + refused.reason());
        }
        Subscription created = ((Outcome.Saved) outcome).subscription();
        redirect.addFlashAttribute("secret", created.secret().value());
        return back(org, redirect, "notice", "Subscription " + created.id() + " created. Its secret is below, "
                + "shown this once: keep it where the receiver can read it.");
    }

    @PostMapping(PAGE + "/subscriptions/{id}/pause")
    public String pause(Authentication operator, @RequestParam String org, @PathVariable String id,
            RedirectAttributes redirect) {
        Subscription paused = found(subscriptions.pause(DashboardRole.actor(operators, operator), adminScope(operator, org), SubscriptionId.parse(id)));
        return back(org, redirect, "notice", "Subscription " + paused.id() + " paused: it hears of no new change "
                + "until it is enabled.");
    }

    @PostMapping(PAGE + "/subscriptions/{id}/enable")
    public String enable(Authentication operator, @RequestParam String org, @PathVariable String id,
            RedirectAttributes redirect) {
        Subscription enabled = found(subscriptions.enable(DashboardRole.actor(operators, operator), adminScope(operator, org), SubscriptionId.parse(id)));
        return back(org, redirect, "notice", "Subscription " + enabled.id() + " enabled.");
    }

    @PostMapping(PAGE + "/subscriptions/{id}/test")
    public String test(Authentication operator, @RequestParam String org, @PathVariable String id,
            RedirectAttributes redirect) {
        ReceiverAnswer answer = found(subscriptions.sendTest(DashboardRole.actor(operators, operator), adminScope(operator, org), SubscriptionId.parse(id)));
        return answer.took()
                ? back(org, redirect, "notice", "Test event to subscription " + id + ": " + answer.describe() + ".")
                : back(org, redirect, "problem", "Test event to subscription " + id + ": " + answer.describe() + ".");
    }

    @PostMapping(PAGE + "/subscriptions/{id}/rotate-secret")
    public String rotate(Authentication operator, @RequestParam String org, @PathVariable String id,
            RedirectAttributes redirect) {
        Outcome outcome = subscriptions.rotateSecret(DashboardRole.actor(operators, operator), adminScope(operator, org), SubscriptionId.parse(id),
                Duration.ofHours(24));
        if (!(outcome instanceof Outcome.Saved saved)) {
            throw notFound();
        }
        redirect.addFlashAttribute("secret", saved.subscription().secret().value());
        return back(org, redirect, "notice", "Subscription " + id + " has a new secret, below, shown this once; "
                + "the previous one keeps signing beside it for 24 hours.");
    }

    @PostMapping(PAGE + "/dead-letters/{id}/replay")
    public String replay(Authentication operator, @RequestParam String org, @PathVariable String id,
            RedirectAttributes redirect) {
        if (!id.matches("[0-9]{1,18}") || !deadLetters.replay(DashboardRole.actor(operators, operator), adminScope(operator, org), Long.parseLong(id))) {
            throw notFound();
        }
        return back(org, redirect, "notice", "Dead letter " + id + " replayed: it is posted again shortly.");
    }

    @PostMapping(PAGE + "/dead-letters/replay")
    public String replayAll(Authentication operator, @RequestParam String org, RedirectAttributes redirect) {
        int replayed = deadLetters.replayAll(DashboardRole.actor(operators, operator), adminScope(operator, org), Optional.empty());
        return back(org, redirect, "notice", replayed + " dead letter" + (replayed == 1 ? "" : "s")
                + " replayed: posted again shortly.");
    }

    /** The organization an admin acts on; a viewer may look, not act. */
    private OrganizationId adminScope(Authentication operator, String org) {
        OrganizationId organization = DashboardScope.of(operators.organizationsOf(operator.getName()), org).selected().id();
        if (!managesIn(operator, organization)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only an admin changes notifications.");
        }
        return organization;
    }

    private static Optional<URI> url(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI url = new URI(text.trim());
            return url.isAbsolute() ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException invalid) {
            return Optional.empty();
        }
    }

    private static String back(String org, RedirectAttributes redirect, String kind, String text) {
        redirect.addFlashAttribute(kind, text);
        redirect.addAttribute("org", org);
        return "redirect:" + PAGE;
    }

    private static <T> T found(Optional<T> found) {
        return found.orElseThrow(NotificationsDashboardController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such subscription or dead letter in this "
                + "organization.");
    }

    /** Subscriptions and their secrets are the organization's administrators' to change. */
    private boolean managesIn(Authentication operator, OrganizationId organization) {
        return DashboardRole.of(operators, operator, organization) == OperatorRole.ADMIN;
    }
}
