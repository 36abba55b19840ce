package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.Organizations;
import dev.deliverytracker.application.port.out.TwilioAccount;
import dev.deliverytracker.application.port.out.TwilioAccountCredentials;
import dev.deliverytracker.application.port.out.TwilioAccounts;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class JpaOrganizations implements Organizations, TwilioAccounts {

    private final OrganizationJpaRepository rows;
    private final Clock clock;

    JpaOrganizations(OrganizationJpaRepository rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    @Transactional
    public OrganizationId ensure(String name, TwilioAccountCredentials credentials) {
        OrganizationEntity row = rows.findByTwilioAccountSid(credentials.sid().value()).orElseGet(() -> {
            OrganizationEntity created = new OrganizationEntity();
            created.name = name;
            created.twilioAccountSid = credentials.sid().value();
            created.createdAt = clock.instant();
            return created;
        });
        row.twilioAuthToken = credentials.authToken();
        row.twilioPreviousAuthToken = credentials.previousAuthToken().isBlank() ? null : credentials.previousAuthToken();
        return OrganizationId.of(rows.saveAndFlush(row).id);
    }

    @Override
    public Optional<TwilioAccount> findBySid(AccountSid sid) {
        return rows.findByTwilioAccountSid(sid.value())
                .filter(row -> row.twilioAuthToken != null && !row.twilioAuthToken.isBlank())
                .map(row -> new TwilioAccount(OrganizationId.of(row.id), sid,
                        Stream.of(row.twilioAuthToken, row.twilioPreviousAuthToken)
                                .filter(token -> token != null && !token.isBlank()).toList()));
    }
}
