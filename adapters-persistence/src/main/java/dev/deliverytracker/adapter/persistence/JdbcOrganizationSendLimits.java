package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.OrganizationSendLimits;
import dev.deliverytracker.application.port.SendLimit;
import dev.deliverytracker.application.port.out.SendLimits;
import dev.deliverytracker.domain.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An organization's own send limits from organization_rate_limits; what is null there is the default. */
@Component
class JdbcOrganizationSendLimits implements OrganizationSendLimits {

    private final JdbcClient jdbc;

    JdbcOrganizationSendLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SendLimits of(OrganizationId organization, SendLimits defaults) {
        return jdbc.sql("""
                select per_key_requests, per_key_seconds, per_organization_requests, per_organization_seconds
                from organization_rate_limits where org_id = :org
                """)
                .param("org", organization.value())
                .query((row, index) -> new SendLimits(
                        limit(row, "per_key", defaults.perApiKey()),
                        limit(row, "per_organization", defaults.perOrganization())))
                .optional().orElse(defaults);
    }

    private static SendLimit limit(ResultSet row, String prefix, SendLimit fallback) throws SQLException {
        int requests = row.getInt(prefix + "_requests");
        boolean noRequests = row.wasNull();
        int seconds = row.getInt(prefix + "_seconds");
        boolean noSeconds = row.wasNull();
        return new SendLimit(noRequests ? fallback.requests() : requests,
                noSeconds ? fallback.per() : Duration.ofSeconds(seconds));
    }
}
