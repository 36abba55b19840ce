package dev.deliverytracker.adapter.web.dashboard;

import dev.deliverytracker.application.port.in.FindCustomerServiceWindows;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.domain.CustomerServiceWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard's page of WhatsApp customer service windows: each recipient who wrote within the last
 * 24 hours (inbound messages from Twilio Event Streams), how long their window stays open, and the
 * organization's enforcement. Numbers are masked, as everywhere on the dashboard.
 */
@Controller
class WhatsAppWindowsDashboardController {

    private static final int SHOWN = 200;

    private final FindCustomerServiceWindows windows;
    private final ManageOperators operators;
    private final Clock clock;

    WhatsAppWindowsDashboardController(FindCustomerServiceWindows windows, ManageOperators operators, Clock clock) {
        this.windows = windows;
        this.operators = operators;
        this.clock = clock;
    }

    @GetMapping("/dashboard/whatsapp-windows")
    public String windows(Authentication operator, @RequestParam(required = false) String org,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        DashboardScope scope = DashboardScope.of(operators.organizationsOf(operator.getName()), org);
        model.addAttribute("organizations", scope.organizations());
        model.addAttribute("org", scope.selected());
        model.addAttribute("username", operator.getName());
        DashboardRole.show(operators, operator, scope.selected().id(), model);
        Instant now = clock.instant();
        model.addAttribute("enforcement", windows.enforcement(DashboardRole.actor(operators, operator), scope.selected().id()).wireName());
        model.addAttribute("windows", windows.openNow(DashboardRole.actor(operators, operator), scope.selected().id(), SHOWN).stream()
                .map(window -> WindowRow.of(window, now)).toList());
        model.addAttribute("updatedAt", DashboardViews.time(now));
        return htmx != null ? "windows :: live" : "windows";
    }

    /** One open window as the page shows it. */
    public record WindowRow(String recipient, String business, String lastInboundAt, String closesAt, String left) {

        static WindowRow of(CustomerServiceWindow window, Instant now) {
            Duration left = Duration.between(now, window.closesAt());
            return new WindowRow(window.customer().toString(), window.business().toString(),
                    DashboardViews.time(window.lastInboundAt()), DashboardViews.time(window.closesAt()),
                    left.toHours() + " h " + left.toMinutesPart() + " min");
        }
    }

}
