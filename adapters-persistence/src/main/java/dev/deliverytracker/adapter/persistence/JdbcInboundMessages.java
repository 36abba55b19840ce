package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.WindowEnforcement;
import dev.deliverytracker.application.port.out.InboundMessages;
import dev.deliverytracker.application.port.out.WindowEnforcements;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.CustomerServiceWindow;
import dev.deliverytracker.domain.InboundMessage;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inbound messages as plain rows (addresses as Twilio writes them, {@code whatsapp:+...}), and the
 * window enforcement of each organization. A window is read from the customer's latest message.
 */
@Component
class JdbcInboundMessages implements InboundMessages, WindowEnforcements {

    private final JdbcClient jdbc;

    JdbcInboundMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public boolean add(InboundMessage message) {
        return jdbc.sql("""
                insert into inbound_messages (org_id, message_sid, channel, from_address, to_address, body, received_at)
                values (:org, :sid, :channel, :from, :to, :body, :receivedAt)
                on conflict (org_id, message_sid) do nothing
                """)
                .param("org", message.organization().value()).param("sid", message.sid().value())
                .param("channel", message.channel().wireName()).param("from", message.from().toTwilio())
                .param("to", message.to().toTwilio()).param("body", message.body())
                .param("receivedAt", Timestamp.from(message.receivedAt())).update() == 1;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerServiceWindow> latestWindow(OrganizationId organization, Address customer) {
        return jdbc.sql("""
                select from_address, to_address, received_at from inbound_messages
                where org_id = :org and from_address = :customer
                order by received_at desc limit 1
                """)
                .param("org", organization.value()).param("customer", customer.toTwilio())
                .query(JdbcInboundMessages::window).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerServiceWindow> latestWindow(OrganizationId organization, Address customer,
            Address business) {
        return jdbc.sql("""
                select from_address, to_address, received_at from inbound_messages
                where org_id = :org and from_address = :customer and to_address = :business
                order by received_at desc limit 1
                """)
                .param("org", organization.value()).param("customer", customer.toTwilio())
                .param("business", business.toTwilio())
                .query(JdbcInboundMessages::window).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerServiceWindow> windowsSince(OrganizationId organization, Instant since, int limit) {
        return jdbc.sql("""
                select from_address, to_address, received_at from (
                    select distinct on (from_address, to_address) from_address, to_address, received_at
                    from inbound_messages where org_id = :org and received_at >= :since
                    order by from_address, to_address, received_at desc) latest
                order by received_at desc limit :limit
                """)
                .param("org", organization.value()).param("since", Timestamp.from(since)).param("limit", limit)
                .query(JdbcInboundMessages::window).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<InboundMessage> from(OrganizationId organization, Address customer, int limit) {
        return jdbc.sql("""
                select message_sid, from_address, to_address, body, received_at from inbound_messages
                where org_id = :org and from_address = :customer
                order by received_at desc limit :limit
                """)
                .param("org", organization.value()).param("customer", customer.toTwilio()).param("limit", limit)
                .query((row, index) -> new InboundMessage(organization, MessageSid.of(row.getString("message_sid")),
                        Address.parseTwilio(row.getString("from_address")),
                        Address.parseTwilio(row.getString("to_address")), row.getString("body"),
                        row.getTimestamp("received_at").toInstant()))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public WindowEnforcement of(OrganizationId organization) {
        return jdbc.sql("select mode from whatsapp_window_enforcement where org_id = :org")
                .param("org", organization.value()).query(String.class).optional()
                .map(WindowEnforcement::parse).orElse(WindowEnforcement.OFF);
    }

    @Override
    @Transactional
    public void set(OrganizationId organization, WindowEnforcement enforcement) {
        jdbc.sql("""
                insert into whatsapp_window_enforcement (org_id, mode) values (:org, :mode)
                on conflict (org_id) do update set mode = excluded.mode
                """)
                .param("org", organization.value()).param("mode", enforcement.wireName()).update();
    }

    private static CustomerServiceWindow window(ResultSet row, int index) throws SQLException {
        return new CustomerServiceWindow(Address.parseTwilio(row.getString("from_address")),
                Address.parseTwilio(row.getString("to_address")), row.getTimestamp("received_at").toInstant());
    }
}
