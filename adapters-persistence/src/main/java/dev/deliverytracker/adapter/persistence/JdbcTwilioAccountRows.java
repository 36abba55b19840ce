package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code twilio_accounts} table in plain SQL: the lookups a callback or a send makes, tokens still sealed. */
@Component
class JdbcTwilioAccountRows {

    /** A registered account's organization and its sealed tokens, current first. */
    record SealedAccount(AccountSid sid, OrganizationId organization, List<String> sealedTokens) {
    }

    private final JdbcClient jdbc;

    JdbcTwilioAccountRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SealedAccount> bySid(AccountSid sid) {
        return jdbc.sql("select account_sid, org_id, auth_token, previous_auth_token from twilio_accounts "
                        + "where account_sid = :sid")
                .param("sid", sid.value()).query((row, index) -> sealed(row.getString("account_sid"),
                        row.getLong("org_id"), row.getString("auth_token"), row.getString("previous_auth_token")))
                .optional();
    }

    /** The account an organization sends through when its own row has none: a main account first, then the oldest. */
    Optional<SealedAccount> mainOf(OrganizationId organization) {
        return jdbc.sql("select account_sid, org_id, auth_token, previous_auth_token from twilio_accounts "
                        + "where org_id = :org order by parent_account_sid is not null, registered_at, account_sid limit 1")
                .param("org", organization.value()).query((row, index) -> sealed(row.getString("account_sid"),
                        row.getLong("org_id"), row.getString("auth_token"), row.getString("previous_auth_token")))
                .optional();
    }

    private static SealedAccount sealed(String sid, long org, String current, String previous) {
        return new SealedAccount(AccountSid.of(sid), OrganizationId.of(org),
                Stream.of(current, previous).filter(token -> token != null && !token.isBlank()).toList());
    }
}
