package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.RegisteredAccount;
import dev.deliverytracker.application.port.out.TwilioAccountRegistry;
import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.OrganizationId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registered Twilio accounts in {@code twilio_accounts}, tokens sealed by {@link TokenCipher}. Each change
 * clears this instance's account cache; other instances see it within its lifetime (30 s), which a
 * rotation tolerates since both tokens verify meanwhile.
 */
@Component
class JdbcTwilioAccountRegistry implements TwilioAccountRegistry {

    private final JdbcClient jdbc;
    private final TokenCipher cipher;
    private final JpaOrganizations organizations;

    JdbcTwilioAccountRegistry(JdbcClient jdbc, ObjectProvider<TokenCipher> cipher, JpaOrganizations organizations) {
        this.jdbc = jdbc;
        this.cipher = cipher.getIfAvailable(TokenCipher::none);
        this.organizations = organizations;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationId> ownerOf(AccountSid sid) {
        return jdbc.sql("""
                select org_id from twilio_accounts where account_sid = :sid
                union all
                select org_id from organizations where twilio_account_sid = :sid
                limit 1
                """).param("sid", sid.value()).query(Long.class).optional().map(OrganizationId::of);
    }

    @Override
    @Transactional
    public boolean register(OrganizationId organization, AccountSid sid, String authToken, Optional<AccountSid> parent,
            String friendlyName, Instant at) {
        int inserted = jdbc.sql("""
                insert into twilio_accounts (account_sid, org_id, parent_account_sid, friendly_name, auth_token,
                                             registered_at)
                select :sid, :org, :parent, :name, :token, :at
                 where not exists (select 1 from organizations where twilio_account_sid = :sid)
                on conflict (account_sid) do nothing
                """).param("sid", sid.value()).param("org", organization.value())
                .param("parent", parent.map(AccountSid::value).orElse(null))
                .param("name", friendlyName == null ? "" : friendlyName).param("token", cipher.seal(authToken))
                .param("at", Timestamp.from(at)).update();
        organizations.forget();
        return inserted == 1;
    }

    @Override
    @Transactional
    public boolean rotate(OrganizationId organization, AccountSid sid, String newToken) {
        int updated = jdbc.sql("""
                update twilio_accounts set previous_auth_token = auth_token, auth_token = :token
                 where account_sid = :sid and org_id = :org
                """).param("token", cipher.seal(newToken)).param("sid", sid.value())
                .param("org", organization.value()).update();
        organizations.forget();
        return updated == 1;
    }

    @Override
    @Transactional
    public boolean finishRotation(OrganizationId organization, AccountSid sid) {
        int updated = jdbc.sql("""
                update twilio_accounts set previous_auth_token = null where account_sid = :sid and org_id = :org
                """).param("sid", sid.value()).param("org", organization.value()).update();
        organizations.forget();
        return updated == 1;
    }

    @Override
    @Transactional(readOnly = true)
    public List<RegisteredAccount> list(OrganizationId organization) {
        List<RegisteredAccount> accounts = new ArrayList<>(jdbc.sql("""
                select twilio_account_sid, created_at, twilio_previous_auth_token is not null as rotating
                  from organizations where org_id = :org and twilio_account_sid is not null
                """).param("org", organization.value()).query((row, index) -> new RegisteredAccount(
                        AccountSid.of(row.getString("twilio_account_sid")), organization, Optional.empty(),
                        "from the settings", row.getBoolean("rotating"), true,
                        row.getTimestamp("created_at").toInstant())).list());
        accounts.addAll(jdbc.sql("""
                select account_sid, parent_account_sid, friendly_name, previous_auth_token is not null as rotating,
                       registered_at
                  from twilio_accounts where org_id = :org order by registered_at, account_sid
                """).param("org", organization.value()).query((row, index) -> new RegisteredAccount(
                        AccountSid.of(row.getString("account_sid")), organization,
                        Optional.ofNullable(row.getString("parent_account_sid")).map(AccountSid::of),
                        row.getString("friendly_name"), row.getBoolean("rotating"), false,
                        row.getTimestamp("registered_at").toInstant())).list());
        return accounts;
    }
}
