package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.AllowedSenders;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.AllowedSender;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.MessagingServiceSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@code organization_senders} in plain SQL; read at every send in one statement, never cached. */
@Component
class JdbcAllowedSenders implements AllowedSenders {

    private final JdbcClient jdbc;

    JdbcAllowedSenders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AllowedSender> of(OrganizationId organization) {
        return jdbc.sql("select channel, kind, sender, is_default from organization_senders where org_id = :org "
                        + "order by channel, created_at, sender")
                .param("org", organization.value()).query((row, index) -> {
                    Channel channel = Channel.parse(row.getString("channel"));
                    Sender sender = "service".equals(row.getString("kind"))
                            ? new Sender.Service(MessagingServiceSid.of(row.getString("sender")))
                            : new Sender.Number(new Address(channel, row.getString("sender")));
                    return new AllowedSender(channel, sender, row.getBoolean("is_default"));
                }).list();
    }

    @Override
    @Transactional
    public boolean add(OrganizationId organization, AllowedSender sender) {
        if (sender.isDefault()) {
            clearDefault(organization, sender.channel());
        }
        return jdbc.sql("""
                insert into organization_senders (org_id, channel, kind, sender, is_default)
                values (:org, :channel, :kind, :sender, :default)
                on conflict do nothing
                """).param("org", organization.value()).param("channel", sender.channel().wireName())
                .param("kind", kind(sender.sender())).param("sender", value(sender.sender()))
                .param("default", sender.isDefault()).update() == 1;
    }

    @Override
    @Transactional
    public boolean remove(OrganizationId organization, Channel channel, Sender sender) {
        return jdbc.sql("delete from organization_senders where org_id = :org and channel = :channel and kind = :kind "
                        + "and sender = :sender")
                .param("org", organization.value()).param("channel", channel.wireName()).param("kind", kind(sender))
                .param("sender", value(sender)).update() == 1;
    }

    @Override
    @Transactional
    public boolean makeDefault(OrganizationId organization, Channel channel, Sender sender) {
        boolean exists = jdbc.sql("select exists (select 1 from organization_senders where org_id = :org "
                        + "and channel = :channel and kind = :kind and sender = :sender)")
                .param("org", organization.value()).param("channel", channel.wireName()).param("kind", kind(sender))
                .param("sender", value(sender)).query(Boolean.class).single();
        if (!exists) {
            return false;
        }
        clearDefault(organization, channel);
        jdbc.sql("update organization_senders set is_default = true where org_id = :org and channel = :channel "
                        + "and kind = :kind and sender = :sender")
                .param("org", organization.value()).param("channel", channel.wireName()).param("kind", kind(sender))
                .param("sender", value(sender)).update();
        return true;
    }

    private void clearDefault(OrganizationId organization, Channel channel) {
        jdbc.sql("update organization_senders set is_default = false where org_id = :org and channel = :channel "
                        + "and is_default")
                .param("org", organization.value()).param("channel", channel.wireName()).update();
    }

    private static String kind(Sender sender) {
        return sender instanceof Sender.Service ? "service" : "number";
    }

    private static String value(Sender sender) {
        return sender instanceof Sender.Service service ? service.sid().value()
                : ((Sender.Number) sender).address().e164();
    }
}
