package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.OrganizationLimits;
import dev.deliverytracker.application.port.SendLimit;
import dev.deliverytracker.application.port.in.FindAuditTrail;
import dev.deliverytracker.application.port.in.ManageApiKeys;
import dev.deliverytracker.application.port.in.ManageOrganizations;
import dev.deliverytracker.application.port.in.SendMessage;
import dev.deliverytracker.application.port.out.ApiKeyStore;
import dev.deliverytracker.application.port.out.AuditTrail;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.application.port.out.OrganizationSendLimits;
import dev.deliverytracker.application.port.out.RetryPolicies;
import dev.deliverytracker.application.port.out.SendLimits;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.application.port.out.WindowEnforcements;
import dev.deliverytracker.application.service.ApiKeyService;
import dev.deliverytracker.application.service.AuditTrailService;
import dev.deliverytracker.application.service.OrganizationAdminService;
import dev.deliverytracker.application.service.OrganizationGatedSendMessage;
import dev.deliverytracker.application.port.in.ManageTwilioAccounts;
import dev.deliverytracker.application.port.out.TwilioAccountCheck;
import dev.deliverytracker.application.port.out.TwilioAccountRegistry;
import dev.deliverytracker.application.service.TwilioAccountAdminService;
import dev.deliverytracker.application.port.in.ManageSenders;
import dev.deliverytracker.application.port.out.AllowedSenders;
import dev.deliverytracker.application.service.SenderAdminService;
import dev.deliverytracker.application.port.in.ManageOrganizationOperators;
import dev.deliverytracker.application.port.out.OperatorAccounts;
import dev.deliverytracker.application.port.out.OperatorDirectory;
import dev.deliverytracker.application.port.out.PasswordHasher;
import dev.deliverytracker.application.service.OrganizationOperatorService;
import dev.deliverytracker.application.port.in.RetryMessages;
import dev.deliverytracker.application.service.OrganizationGatedRetryMessages;
import dev.deliverytracker.application.service.RetryService;
import java.security.SecureRandom;
import org.springframework.context.annotation.Primary;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Organizations managed while the service runs (issue 20): the organization, API key and audit use
 * cases, each deciding itself who may do what, each call one transaction with its audit row.
 */
@Configuration(proxyBeanMethods = false)
class OrganizationAdminConfiguration {

    @Bean
    ManageOrganizations manageOrganizations(OrganizationDirectory directory, AuditTrail audit,
            OrganizationSendLimits sendLimits, RetryPolicies retryPolicies, TwilioAccounts accounts,
            WindowEnforcements windows, TrackerProperties tracker, RetentionProperties retention, Clock clock,
            PlatformTransactionManager transactions) {
        TrackerProperties.RateLimits budgets = tracker.rateLimits();
        TrackerProperties.Pacing pacing = tracker.pacing();
        return InOneTransaction.around(ManageOrganizations.class, new OrganizationAdminService(directory, audit,
                sendLimits, retryPolicies, accounts, windows,
                new OrganizationAdminService.ServiceLimits(
                        new SendLimits(new SendLimit(budgets.perKeyRequests(), budgets.perKeyPeriod()),
                                new SendLimit(budgets.perOrganizationRequests(), budgets.perOrganizationPeriod())),
                        new OrganizationLimits.Pacing(pacing.smsNumberRate(), pacing.whatsappNumberRate(),
                                pacing.messagingServiceRate(), pacing.accountRate()),
                        retention.maxAge()),
                clock), transactions);
    }

    @Bean
    ManageApiKeys manageApiKeys(ApiKeyStore store, Clock clock, AuditTrail audit,
            PlatformTransactionManager transactions) {
        return InOneTransaction.around(ManageApiKeys.class, new ApiKeyService(store, new SecureRandom(), clock, audit),
                transactions);
    }

    @Bean
    FindAuditTrail findAuditTrail(AuditTrail audit) {
        return new AuditTrailService(audit);
    }

    @Bean
    ManageTwilioAccounts manageTwilioAccounts(TwilioAccountRegistry registry, TwilioAccountCheck twilio,
            OrganizationDirectory directory, AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        return InOneTransaction.around(ManageTwilioAccounts.class,
                new TwilioAccountAdminService(registry, twilio, directory, audit, clock), transactions);
    }

    @Bean
    ManageOrganizationOperators manageOrganizationOperators(OperatorAccounts accounts, OperatorDirectory operators,
            OrganizationDirectory directory, PasswordHasher hasher, AuditTrail audit, Clock clock,
            PlatformTransactionManager transactions) {
        return InOneTransaction.around(ManageOrganizationOperators.class, new OrganizationOperatorService(accounts,
                operators, directory, hasher, audit, new SecureRandom(), clock), transactions);
    }

    /** The operators' retries behind the enabled-organization check; the controller takes this one. */
    @Bean
    @Primary
    RetryMessages organizationGatedRetryMessages(RetryService retries, OrganizationDirectory directory) {
        return new OrganizationGatedRetryMessages(retries, directory);
    }

    /** The send use case behind the scope and enabled-organization checks. */
    static SendMessage gated(SendMessage send, OrganizationDirectory directory, AllowedSenders senders) {
        return new OrganizationGatedSendMessage(send, directory, senders);
    }

    @Bean
    ManageSenders manageSenders(AllowedSenders senders, OrganizationDirectory directory, AuditTrail audit,
            Clock clock, PlatformTransactionManager transactions) {
        return InOneTransaction.around(ManageSenders.class, new SenderAdminService(senders, directory, audit, clock),
                transactions);
    }
}
