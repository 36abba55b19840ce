package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.InvalidSetting;
import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.RegisteredAccount;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.application.port.in.ManageOrganizations;
import dev.deliverytracker.application.port.in.ManageSenders;
import dev.deliverytracker.application.port.in.ManageTwilioAccounts;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.AllowedSender;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.MessagingServiceSid;
import dev.deliverytracker.domain.OperatorRole;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.Sender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Configuration as code: the organizations file ({@code tracker.organizations.file}) applied at every
 * start through the same use cases as the API, as the actor {@code configuration:file}. Applying it
 * twice changes nothing (and writes nothing to the audit trail); what the file does not name is left
 * alone. A value the use cases refuse stops the start naming the entry; Twilio out of reach only
 * postpones an account to the next start.
 */
@Configuration(proxyBeanMethods = false)
class OrganizationsFileConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(OrganizationsFileConfiguration.class);
    private static final String SETTING = "tracker.organizations.file (TRACKER_ORGANIZATIONS_FILE)";

    @Bean
    ApplicationRunner organizationsFile(@Value("${tracker.organizations.file:}") String file, Environment environment,
            DefaultOrganization defaultOrganization, ManageOrganizations organizations, ManageTwilioAccounts accounts,
            ManageSenders senders, ManageOperators operators, TwilioAccounts twilioAccounts) {
        return args -> {
            if (file == null || file.isBlank()) {
                return;
            }
            OrganizationsFile read = read(Path.of(file.trim()));
            new Applying(environment, organizations, accounts, senders, operators, twilioAccounts).apply(read);
            LOG.info("Applied {}: {} organizations, {} operators", file.trim(), read.organizations().size(),
                    read.operators().size());
        };
    }

    static OrganizationsFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(SETTING + ": no file at " + file.toAbsolutePath());
        }
        List<PropertySource<?>> sources;
        try {
            sources = new YamlPropertySourceLoader().load("organizations file", new FileSystemResource(file));
        } catch (IOException | RuntimeException unreadable) {
            throw new IllegalStateException(SETTING + ": " + file + " is not YAML: " + unreadable.getMessage(),
                    unreadable);
        }
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));
        return new OrganizationsFile(
                binder.bind("organizations", Bindable.listOf(OrganizationsFile.Organization.class)).orElse(List.of()),
                binder.bind("operators", Bindable.listOf(OrganizationsFile.Operator.class)).orElse(List.of()));
    }

    /** One application of the file. */
    private record Applying(Environment environment, ManageOrganizations organizations, ManageTwilioAccounts accounts,
            ManageSenders senders, ManageOperators operators, TwilioAccounts twilioAccounts) {

        private static final Actor ACTOR = new Actor.Configuration("file");

        void apply(OrganizationsFile file) {
            for (int i = 0; i < file.organizations().size(); i++) {
                String entry = "organizations[" + i + "]";
                try {
                    organization(entry, file.organizations().get(i));
                } catch (IllegalArgumentException invalid) {
                    throw new InvalidSetting(SETTING + ", " + entry, invalid.getMessage(), invalid);
                }
            }
            for (int i = 0; i < file.operators().size(); i++) {
                OrganizationsFile.Operator operator = file.operators().get(i);
                try {
                    operators.define(operator.username(), secret("operators[" + i + "].password-env",
                                    operator.passwordEnv()), OperatorRole.parse(operator.role()),
                            new LinkedHashSet<>(operator.organizations()), operator.platform());
                } catch (IllegalArgumentException invalid) {
                    throw new InvalidSetting(SETTING + ", operators[" + i + "]", invalid.getMessage(), invalid);
                }
            }
        }

        private void organization(String entry, OrganizationsFile.Organization wanted) {
            String name = Organization.requireName(wanted.name());
            Organization organization = organizations.list(ACTOR).stream().filter(found -> found.isNamed(name))
                    .findFirst().orElseGet(() -> done(entry, organizations.create(ACTOR, name)));
            if (wanted.enabled() != null && wanted.enabled() != organization.enabled()) {
                done(entry, wanted.enabled() ? organizations.enable(ACTOR, organization.id())
                        : organizations.disable(ACTOR, organization.id()));
            }
            for (int i = 0; i < wanted.twilioAccounts().size(); i++) {
                account(entry + ".twilio-accounts[" + i + "]", organization, wanted.twilioAccounts().get(i));
            }
            List<AllowedSender> existing = done(entry, senders.list(ACTOR, organization.id()));
            for (int i = 0; i < wanted.senders().size(); i++) {
                sender(entry + ".senders[" + i + "]", organization, wanted.senders().get(i), existing);
            }
        }

        private void account(String entry, Organization organization, OrganizationsFile.Account wanted) {
            String token = secret(entry + ".auth-token-env", wanted.authTokenEnv());
            AccountSid sid = AccountSid.of(wanted.accountSid() == null ? null : wanted.accountSid().trim());
            Optional<RegisteredAccount> registered = done(entry, accounts.list(ACTOR, organization.id())).stream()
                    .filter(account -> account.sid().equals(sid)).findFirst();
            AdminOutcome<RegisteredAccount> outcome;
            if (registered.isEmpty()) {
                outcome = accounts.register(ACTOR, organization.id(), sid.value(), token);
            } else if (!twilioAccounts.findBySid(sid).map(TwilioAccount::currentAuthToken).orElse("").equals(token)) {
                // A new token in the environment: rotate, so callbacks signed with the old one still verify.
                outcome = accounts.startRotation(ACTOR, organization.id(), sid.value(), token);
                LOG.warn("{}: the token of {} changed; a rotation started, finish it once Twilio signs with the new "
                        + "one (DELETE /api/v1/organizations/{}/twilio-accounts/{}/rotation)", entry, sid,
                        organization.id(), sid);
            } else {
                return;
            }
            if (outcome instanceof AdminOutcome.Unavailable<RegisteredAccount> unavailable) {
                LOG.warn("{}: account {} not registered now, the next start tries again: {}", entry, sid,
                        unavailable.reason());
                return;
            }
            done(entry, outcome);
        }

        private void sender(String entry, Organization organization, OrganizationsFile.Sender wanted,
                List<AllowedSender> existing) {
            boolean isDefault = Boolean.TRUE.equals(wanted.isDefault());
            Channel channel = Channel.parse(wanted.channel());
            Sender sender = wanted.from() != null && !wanted.from().isBlank()
                    ? new Sender.Number(Address.parseFor(channel, wanted.from().trim()))
                    : new Sender.Service(MessagingServiceSid.of(wanted.messagingServiceSid()));
            Optional<AllowedSender> found = existing.stream().filter(allowed -> allowed.allows(channel, sender))
                    .findFirst();
            if (found.isEmpty()) {
                done(entry, senders.add(ACTOR, organization.id(), wanted.channel(), wanted.from(),
                        wanted.messagingServiceSid(), isDefault));
            } else if (isDefault && !found.get().isDefault()) {
                done(entry, senders.makeDefault(ACTOR, organization.id(), wanted.channel(), wanted.from(),
                        wanted.messagingServiceSid()));
            }
        }

        private String secret(String entry, String variable) {
            if (variable == null || variable.isBlank()) {
                throw new IllegalArgumentException(entry + " must name the environment variable that holds it");
            }
            String value = environment.getProperty(variable.trim());
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(entry + ": the environment variable " + variable.trim()
                        + " is not set");
            }
            return value;
        }

        private static <T> T done(String entry, AdminOutcome<T> outcome) {
            if (outcome instanceof AdminOutcome.Done<T> done) {
                return done.value();
            }
            throw new IllegalStateException(SETTING + ", " + entry + ": " + describe(outcome));
        }

        private static String describe(AdminOutcome<?> outcome) {
            if (outcome instanceof AdminOutcome.Conflict<?> conflict) {
                return conflict.field() + ": " + conflict.reason();
            }
            if (outcome instanceof AdminOutcome.Rejected<?> rejected) {
                return rejected.field() + ": " + rejected.reason();
            }
            return outcome.toString();
        }
    }
}
