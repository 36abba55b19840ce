package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.application.port.out.MessageStore;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Messages read by SQL, as every other path of the {@code messages} table reads them. */
@Component
@Transactional(readOnly = true)
class JdbcMessageStore implements MessageStore {

    private final MessageStateRows rows;
    private final JdbcClient jdbc;

    JdbcMessageStore(MessageStateRows rows, JdbcClient jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Message> find(OrganizationId organization, MessageId id) {
        return rows.byId(organization.value(), id.value()).map(MessageMapping::toDomain);
    }

    @Override
    public boolean sidTakenElsewhere(MessageSid sid, MessageId message) {
        return jdbc.sql("""
                select exists (select 1 from messages where whatsapp_msg_sid = :sid and message_id <> :message)
                    or exists (select 1 from message_attempts where provider_sid = :sid)
                """).param("sid", sid.value()).param("message", message.value()).query(Boolean.class).single();
    }
}
