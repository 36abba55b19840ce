package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.WindowEnforcement;
import dev.deliverytracker.application.port.out.InboundMessages;
import dev.deliverytracker.application.port.out.WindowEnforcements;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.CustomerServiceWindow;
import dev.deliverytracker.domain.InboundMessage;
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
 * Inbound messages as rows of {@code messages} with direction {@code incoming} (V60, ADR 0065): the
 * customer in {@code from_address}, the organization's number in {@code to_address}, both E.164 with the
 * channel beside them as for outgoing rows, status {@code received}, {@code created_at} when Twilio
 * received it. A window is read from the customer's latest message. Also each organization's window
 * enforcement.
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
        // Twilio's SID is unique in messages: a redelivered message is not stored twice, and a SID that is
        // already another message's is never taken over.
        return jdbc.sql("""
                insert into messages (org_id, direction, channel, to_address, from_address, body, whatsapp_msg_sid,
                                      status, attempts, created_at, updated_at)
                values (:org, 'incoming', :channel, :to, :from, :body, :sid, 'received', 0, :receivedAt, :receivedAt)
                on conflict (whatsapp_msg_sid text_pattern_ops) do nothing
                """)
                .param("org", message.organization().value()).param("sid", message.sid().value())
                .param("channel", message.channel().wireName()).param("from", message.from().e164())
                .param("to", message.to().e164()).param("body", message.body())
                .param("receivedAt", Timestamp.from(message.receivedAt())).update() == 1;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerServiceWindow> latestWindow(OrganizationId organization, Address customer) {
        return jdbc.sql("""
                select channel, from_address, to_address, created_at from messages
                where direction = 'incoming' and org_id = :org and from_address = :customer and channel = :channel
                order by created_at desc, message_id desc limit 1
                """)
                .param("org", organization.value()).param("customer", customer.e164())
                .param("channel", customer.channel().wireName())
                .query(JdbcInboundMessages::window).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CustomerServiceWindow> latestWindow(OrganizationId organization, Address customer,
            Address business) {
        return jdbc.sql("""
                select channel, from_address, to_address, created_at from messages
                where direction = 'incoming' and org_id = :org and from_address = :customer and channel = :channel
                  and to_address = :business
                order by created_at desc, message_id desc limit 1
                """)
                .param("org", organization.value()).param("customer", customer.e164())
                .param("channel", customer.channel().wireName()).param("business", business.e164())
                .query(JdbcInboundMessages::window).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerServiceWindow> windowsSince(OrganizationId organization, Instant since, int limit) {
        return jdbc.sql("""
                select channel, from_address, to_address, created_at from (
                    select distinct on (channel, from_address, to_address) channel, from_address, to_address, created_at
                    from messages where direction = 'incoming' and org_id = :org and created_at >= :since
                    order by channel, from_address, to_address, created_at desc) latest
                order by created_at desc limit :limit
                """)
                .param("org", organization.value()).param("since", Timestamp.from(since)).param("limit", limit)
                .query(JdbcInboundMessages::window).list();
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
        Channel channel = Channel.parse(row.getString("channel"));
        return new CustomerServiceWindow(new Address(channel, row.getString("from_address")),
                new Address(channel, row.getString("to_address")), row.getTimestamp("created_at").toInstant());
    }
}
