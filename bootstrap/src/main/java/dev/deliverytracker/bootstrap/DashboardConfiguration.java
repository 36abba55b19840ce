package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.InvalidSetting;
import dev.deliverytracker.application.port.in.ManageOperators;
import dev.deliverytracker.application.port.out.OperatorAccounts;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.application.port.out.PasswordHasher;
import dev.deliverytracker.application.service.OperatorService;
import dev.deliverytracker.domain.OperatorRole;
import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard's operators: the first admin, the configured users, the sign-in rules. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardConfiguration.class);

    @Bean
    ManageOperators manageOperators(OperatorAccounts accounts, OrganizationDirectory organizations,
            PasswordHasher hasher) {
        return new OperatorService(accounts, organizations, hasher, new SecureRandom());
    }

    @Bean
    ApplicationRunner operators(DashboardProperties properties, ManageOperators operators,
            DefaultOrganization organization) {
        return args -> {
            for (int i = 0; i < properties.users().size(); i++) {
                DashboardProperties.User user = properties.users().get(i);
                String setting = "tracker.dashboard.users[" + i + "]";
                try {
                    operators.define(user.username(), user.password(), OperatorRole.parse(user.role()),
                            new LinkedHashSet<>(user.organizations()), user.platform());
                } catch (IllegalArgumentException invalid) {
                    throw new InvalidSetting(setting, invalid.getMessage(), invalid);
                }
            }
            Optional<String> generated;
            generated = InvalidSetting.building(
                    "tracker.dashboard.admin-username / admin-password (TRACKER_ADMIN_USERNAME / TRACKER_ADMIN_PASSWORD)",
                    () -> operators.ensureFirstAdmin(properties.adminUsername(),
                            Optional.ofNullable(properties.adminPassword()), organization.id()));
            // Shown once: only its hash is kept. Lost, it is replaced by declaring the admin under
            // tracker.dashboard.users with a new password: every start applies those.
            generated.ifPresent(password -> LOG.warn("""

                    ************************************************************************
                      Dashboard admin (shown once, only its hash is kept):
                        username: {}
                        password: {}
                      Sign in at /login
                    ************************************************************************""",
                    properties.adminUsername(), password));
        };
    }
}
