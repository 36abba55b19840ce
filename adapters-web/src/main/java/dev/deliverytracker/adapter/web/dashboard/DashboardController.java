package dev.deliverytracker.adapter.web.dashboard;

import dev.deliverytracker.adapter.web.InsightsRequestReader;
import dev.deliverytracker.adapter.web.InvalidRequest;
import dev.deliverytracker.application.port.MessageCursor;
import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.OrganizationName;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.application.port.in.DeliveryStatistics;
import dev.deliverytracker.application.port.in.FindDeliveryHistory.DeliveryTimeline;
import dev.deliverytracker.application.port.in.FindDeliveryHistory;
import dev.deliverytracker.application.port.in.FindFailures;
import dev.deliverytracker.application.port.in.ListMessages;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.application.port.in.RetryMessages;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OperatorRole;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The operators' pages: overview, message list, one message's timeline, failures. Each page is
 * whole on a normal request and only its live part when htmx polls it ({@code HX-Request}).
 */
@Controller
class DashboardController {

    private static final int PAGE_SIZE = 50;
    private static final List<String> FILTERS = List.of("status", "channel", "origin", "direction", "to", "errorCode", "tag", "sid",
            "from", "until");

    private final DeliveryStatistics statistics;
    private final ListMessages list;
    private final FindDeliveryHistory history;
    private final FindFailures failures;
    private final RetryMessages retry;
    private final ManageOperators operators;
    private final Clock clock;

    public DashboardController(DeliveryStatistics statistics, ListMessages list, FindDeliveryHistory history,
            FindFailures failures, RetryMessages retry, ManageOperators operators, Clock clock) {
        this.statistics = statistics;
        this.list = list;
        this.history = history;
        this.failures = failures;
        this.retry = retry;
        this.operators = operators;
        this.clock = clock;
    }

    @GetMapping("/")
    public String root() {
        return "redirect:/dashboard";
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping("/dashboard")
    public String overview(Authentication operator, @RequestParam(required = false) String org,
            @RequestParam(required = false) String range, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        DashboardScope scope = scope(operator, org, model);
        DashboardRange period = DashboardRange.parse(range);
        DeliveryStatistics.Report report = statistics.statistics(DashboardRole.actor(operators, operator), new DeliveryStatistics.Query(scope.selected().id(),
                period.at(clock.instant()), period.interval()));
        model.addAttribute("range", period.code());
        model.addAttribute("ranges", rangeChoices());
        model.addAttribute("messages", report.total().messages());
        model.addAttribute("funnel", DashboardViews.funnel(report.total()));
        model.addAttribute("rates", DashboardViews.rates(report.total()));
        model.addAttribute("errors", DashboardViews.errors(report.total()));
        model.addAttribute("senders", DashboardViews.senders(report.bySender()));
        model.addAttribute("chart", DashboardViews.chart(report));
        model.addAttribute("updatedAt", DashboardViews.time(clock.instant()));
        return htmx != null ? "overview :: live" : "overview";
    }

    @GetMapping("/dashboard/messages")
    public String messages(Authentication operator, @RequestParam Map<String, String> params,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        DashboardScope scope = scope(operator, params.get("org"), model);
        Map<String, String> given = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if ((FILTERS.contains(name) || name.equals("cursor")) && value != null && !value.isBlank()) {
                given.put(name, value.trim());
            }
        });
        model.addAttribute("filter", given);
        model.addAttribute("statuses", Arrays.stream(DeliveryStatus.values())
                .filter(status -> status != DeliveryStatus.UNKNOWN).map(DeliveryStatus::wireName).toList());
        model.addAttribute("live", !given.containsKey("cursor"));
        model.addAttribute("updatedAt", DashboardViews.time(clock.instant()));
        try {
            InsightsRequestReader reader = InsightsRequestReader.of(given);
            MessageFilter filter = reader.filter(scope.selected().id());
            Optional<MessageCursor> cursor = reader.cursor();
            reader.done();
            ListMessages.MessagePage page = list.list(DashboardRole.actor(operators, operator), filter, cursor, PAGE_SIZE);
            model.addAttribute("rows", page.items().stream().map(DashboardViews::row).toList());
            model.addAttribute("next", page.next().map(next -> nextPage(scope, given, next)).orElse(null));
        } catch (InvalidRequest invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("rows", List.of());
            model.addAttribute("problems", invalid.errors().stream()
                    .map(error -> error.field() + ": " + error.message()).toList());
        }
        return htmx != null ? "messages :: live" : "messages";
    }

    @GetMapping("/dashboard/messages/{id}")
    public String message(Authentication operator, @PathVariable String id, Model model) {
        MessageId messageId = messageId(id);
        List<OrganizationName> memberships = operators.organizationsOf(operator.getName());
        for (OrganizationName organization : memberships) {
            Optional<DeliveryTimeline> timeline = history.timeline(DashboardRole.actor(operators, operator), organization.id(), messageId, false);
            if (timeline.isPresent()) {
                model.addAttribute("organizations", memberships);
                model.addAttribute("org", organization);
                model.addAttribute("username", operator.getName());
                DashboardRole.show(operators, operator, organization.id(), model);
                model.addAttribute("message", timeline.get().message());
                model.addAttribute("summary", DashboardViews.row(timeline.get().message()));
                model.addAttribute("events", DashboardViews.timeline(timeline.get()));
                model.addAttribute("steps", DashboardViews.steps(timeline.get()));
                model.addAttribute("retryable", timeline.get().message().status().isFailure());
                return "message";
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No message " + messageId + " in your organizations.");
    }

    @PostMapping("/dashboard/messages/{id}/retry")
    public String retry(Authentication operator, @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean force, RedirectAttributes redirect) {
        MessageId messageId = messageId(id);
        for (OrganizationName organization : operators.organizationsOf(operator.getName())) {
            if (history.timeline(DashboardRole.actor(operators, operator), organization.id(), messageId, false).isEmpty()) {
                continue;
            }
            if (!DashboardRole.of(operators, operator, organization.id()).includes(OperatorRole.OPERATOR)) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                        "Sending a message again needs the role 'operator' or 'admin' in its organization.");
            }
            RetryMessages.RetryOutcome outcome = retry.retry(DashboardRole.actor(operators, operator), organization.id(), messageId, force);
            if (!(outcome instanceof RetryMessages.RetryOutcome.NotFound)) {
                redirect.addFlashAttribute("notice", notice(outcome));
                return "redirect:/dashboard/messages/" + messageId;
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No message " + messageId + " in your organizations.");
    }

    @GetMapping("/dashboard/failures")
    public String failures(Authentication operator, @RequestParam(required = false) String org,
            @RequestParam(required = false) String range, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        DashboardScope scope = scope(operator, org, model);
        DashboardRange period = DashboardRange.parse(range);
        TimeRange between = period.at(clock.instant());
        List<FindFailures.FailureGroup> groups = failures.failures(DashboardRole.actor(operators, operator), scope.selected().id(), between);
        model.addAttribute("range", period.code());
        model.addAttribute("ranges", rangeChoices());
        model.addAttribute("from", between.from().toString());
        model.addAttribute("total", groups.stream().mapToLong(FindFailures.FailureGroup::count).sum());
        model.addAttribute("groups", DashboardViews.failures(groups));
        model.addAttribute("updatedAt", DashboardViews.time(clock.instant()));
        return htmx != null ? "failures :: live" : "failures";
    }

    private DashboardScope scope(Authentication operator, String org, Model model) {
        DashboardScope scope = DashboardScope.of(operators.organizationsOf(operator.getName()), org);
        model.addAttribute("organizations", scope.organizations());
        model.addAttribute("org", scope.selected());
        model.addAttribute("username", operator.getName());
        DashboardRole.show(operators, operator, scope.selected().id(), model);
        return scope;
    }

    private static Map<String, String> rangeChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (DashboardRange range : DashboardRange.values()) {
            choices.put(range.code(), range.label());
        }
        return choices;
    }

    private static String nextPage(DashboardScope scope, Map<String, String> given, MessageCursor next) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/dashboard/messages")
                .queryParam("org", scope.selected().id());
        given.forEach((name, value) -> {
            if (!name.equals("cursor")) {
                url.queryParam(name, value);
            }
        });
        return url.queryParam("cursor", InsightsRequestReader.encode(next)).encode().build().toUriString();
    }

    private static MessageId messageId(String id) {
        try {
            return MessageId.parse(id);
        } catch (IllegalArgumentException invalid) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No message " + (id.length() > 20 ? "" : id) + ".");
        }
    }

    private static String notice(RetryMessages.RetryOutcome outcome) {
        if (outcome instanceof RetryMessages.RetryOutcome.Scheduled) {
            return "Sent again: a new attempt waits in the outbox.";
        }
        if (outcome instanceof RetryMessages.RetryOutcome.NotYet notYet) {
            return "Not yet: the next attempt is due at " + DashboardViews.time(notYet.due()) + " UTC.";
        }
        return "Not sent again: " + ((RetryMessages.RetryOutcome.Refused) outcome).reason();
    }
}
