package dev.deliverytracker.adapter.web.dashboard.admin;

import dev.deliverytracker.application.port.in.ManageSenders;
import dev.deliverytracker.application.port.in.ManageTwilioAccounts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an organization sends through and from, on its page: Twilio accounts (registered after Twilio
 * accepted the token; a new token starts a rotation the administrator finishes) and senders (one
 * default per channel). Tokens go to the use case and are never shown again.
 */
@Controller
class SendingSettingsDashboardController {

    private final ManageTwilioAccounts accounts;
    private final ManageSenders senders;
    private final OrganizationPage page;

    SendingSettingsDashboardController(ManageTwilioAccounts accounts, ManageSenders senders, OrganizationPage page) {
        this.accounts = accounts;
        this.senders = senders;
        this.page = page;
    }

    @PostMapping("/dashboard/organization/twilio-accounts")
    public String register(Authentication signedIn, @RequestParam(required = false) String org,
            @RequestParam(required = false) String accountSid, @RequestParam(required = false) String authToken,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return page.answer(signedIn, org, "account", model, response, redirect,
                actor -> accounts.register(actor, OrganizationPage.idOf(org), trimmed(accountSid), authToken),
                account -> "Twilio accepted the token: account " + account.sid() + " registered"
                        + account.parent().map(parent -> ", a subaccount of " + parent).orElse("") + ".");
    }

    @PostMapping("/dashboard/organization/twilio-accounts/rotation")
    public String rotate(Authentication signedIn, @RequestParam(required = false) String org,
            @RequestParam(required = false) String accountSid, @RequestParam(required = false) String authToken,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return page.answer(signedIn, org, "rotation-" + accountSid, model, response, redirect,
                actor -> accounts.startRotation(actor, OrganizationPage.idOf(org), trimmed(accountSid), authToken),
                account -> "Rotation started for " + account.sid() + ": callbacks signed with either token verify "
                        + "until you finish it.");
    }

    @PostMapping("/dashboard/organization/twilio-accounts/rotation/finish")
    public String finishRotation(Authentication signedIn, @RequestParam(required = false) String org,
            @RequestParam(required = false) String accountSid, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return page.answer(signedIn, org, "rotation-" + accountSid, model, response, redirect,
                actor -> accounts.finishRotation(actor, OrganizationPage.idOf(org), trimmed(accountSid)),
                account -> "Rotation finished for " + account.sid() + ": only the new token verifies now.");
    }

    @PostMapping("/dashboard/organization/senders")
    public String addSender(Authentication signedIn, @RequestParam(required = false) String org,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String from,
            @RequestParam(required = false) String messagingServiceSid,
            @RequestParam(defaultValue = "false") boolean isDefault, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return page.answer(signedIn, org, "sender", model, response, redirect,
                actor -> senders.add(actor, OrganizationPage.idOf(org), channel, blankAsNull(from),
                        blankAsNull(messagingServiceSid), isDefault),
                sender -> "Sender " + AdminPageRows.SenderRow.of(sender).shown() + " added on "
                        + sender.channel().wireName() + (sender.isDefault() ? ", the default." : "."));
    }

    @PostMapping("/dashboard/organization/senders/default")
    public String makeDefault(Authentication signedIn, @RequestParam(required = false) String org,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String from,
            @RequestParam(required = false) String messagingServiceSid, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return page.answer(signedIn, org, "sender", model, response, redirect,
                actor -> senders.makeDefault(actor, OrganizationPage.idOf(org), channel, blankAsNull(from),
                        blankAsNull(messagingServiceSid)),
                sender -> AdminPageRows.SenderRow.of(sender).shown() + " is now the default on "
                        + sender.channel().wireName() + ".");
    }

    @PostMapping("/dashboard/organization/senders/remove")
    public String removeSender(Authentication signedIn, @RequestParam(required = false) String org,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String from,
            @RequestParam(required = false) String messagingServiceSid, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return page.answer(signedIn, org, "sender", model, response, redirect,
                actor -> senders.remove(actor, OrganizationPage.idOf(org), channel, blankAsNull(from),
                        blankAsNull(messagingServiceSid)),
                sender -> "Sender " + AdminPageRows.SenderRow.of(sender).shown() + " removed.");
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    /** An empty field of a form is a field not given, as an absent one in the API. */
    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
