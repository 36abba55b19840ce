package dev.deliverytracker.adapter.web.dashboard.admin;

import dev.deliverytracker.application.port.AuditEntry;
import dev.deliverytracker.application.port.OrganizationLimits;
import dev.deliverytracker.application.port.RegisteredAccount;
import dev.deliverytracker.application.port.SendLimit;
import dev.deliverytracker.application.port.StoredApiKey;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.AllowedSender;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.RetryPolicy;
import dev.deliverytracker.domain.Sender;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The rows the administration pages show, already in the words and formats of the page. */
public final class AdminPageRows {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private AdminPageRows() {
    }

    public record AccountRow(String sid, String parent, String friendlyName, boolean rotating, boolean configured,
            String registeredAt) {
        static AccountRow of(RegisteredAccount account) {
            return new AccountRow(account.sid().value(), account.parent().map(AccountSid::value).orElse(""),
                    account.friendlyName(), account.rotating(), account.configured(), time(account.registeredAt()));
        }
    }

    public record SenderRow(String channel, String from, String messagingServiceSid, boolean isDefault) {
        static SenderRow of(AllowedSender sender) {
            return new SenderRow(sender.channel().wireName(),
                    sender.sender() instanceof Sender.Number number ? number.address().toTwilio() : "",
                    sender.sender() instanceof Sender.Service service ? service.sid().value() : "",
                    sender.isDefault());
        }

        public String shown() {
            return from.isEmpty() ? messagingServiceSid : from;
        }
    }

    public record KeyRow(long id, String name, String prefix, String scopes, String createdAt, String expiresAt,
            String lastUsedAt, String revokedAt, boolean usable) {
        static KeyRow of(StoredApiKey key, Instant now) {
            return new KeyRow(key.id(), key.name(), key.prefix(), scopeNames(key.scopes()), time(key.createdAt()),
                    time(key.expiresAt()), time(key.lastUsedAt()), time(key.revokedAt()), key.usableAt(now));
        }
    }

    /** An organization's limits in the words of the page: "3000 per 1m", "5m", "400 days". */
    public record LimitsRow(String perApiKey, String perOrganization, String pacing, String retry, String adoption,
            String window, String retention) {
        static LimitsRow of(OrganizationLimits limits) {
            OrganizationLimits.Pacing pacing = limits.pacing();
            RetryPolicy retry = limits.retryPolicy();
            return new LimitsRow(budget(limits.perApiKeyBudget()), budget(limits.organizationBudget()),
                    "SMS number " + number(pacing.smsNumberPerSecond()) + ", WhatsApp number "
                            + number(pacing.whatsappNumberPerSecond()) + ", Messaging Service "
                            + number(pacing.messagingServicePerSecond()) + ", account "
                            + number(pacing.accountPerSecond()),
                    retry.enabled() ? "up to " + retry.maxAttempts() + " attempts, the first after "
                            + duration(retry.firstDelay()) + ", at most " + duration(retry.maxDelay()) + " apart" : "off",
                    limits.adoption().map(AdoptionPolicy::wireName).orElse("as the service is configured"),
                    limits.windowEnforcement().wireName(), limits.retention().toDays() + " days");
        }

        private static String budget(SendLimit limit) {
            return limit.requests() + " per " + duration(limit.per());
        }

        private static String number(double value) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** A duration as settings write it: 90s, 5m, 1h, 2d. */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds > 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds > 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    public record AuditRow(String at, String actor, String action, String changes) {
        static AuditRow of(AuditEntry entry) {
            return new AuditRow(time(entry.at()), entry.actor(), entry.action(), entry.changes().entrySet().stream()
                    .map(change -> change.getKey() + "=" + change.getValue()).collect(Collectors.joining(", ")));
        }
    }

    static String scopeNames(Set<ApiScope> scopes) {
        return new TreeSet<>(scopes).stream().map(ApiScope::wireName).collect(Collectors.joining(", "));
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    static String time(Optional<Instant> at) {
        return at.map(AdminPageRows::time).orElse("");
    }
}
