package dev.deliverytracker.bootstrap;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in to the dashboard, checked at start. How sign-ins are throttled is the web adapter's
 * part of {@code tracker.dashboard.*}.
 *
 * @param adminUsername the first admin, created in the organization 'default' when nobody can sign in yet
 * @param adminPassword their password (TRACKER_ADMIN_PASSWORD); empty means generate one and show it once
 * @param users more operators, created or updated at every start
 */
@ConfigurationProperties("tracker.dashboard")
public record DashboardProperties(
        @DefaultValue("admin") String adminUsername,
        String adminPassword,
        @DefaultValue List<User> users) {

    /**
     * @param username how they sign in
     * @param password the password, or a hash written as {@code {bcrypt}...}
     * @param role {@code viewer}, {@code operator} or {@code admin}, held in each of their organizations
     * @param organizations the names of the organizations they see
     * @param platform whether they are a platform administrator: every organization, and new ones
     */
    public record User(String username, String password, String role, @DefaultValue List<String> organizations,
            boolean platform) {
    }
}
