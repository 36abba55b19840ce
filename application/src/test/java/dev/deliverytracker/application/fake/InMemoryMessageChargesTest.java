package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.MessageCharges;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;

class InMemoryMessageChargesTest extends MessageChargesContract {

    private final InMemoryMessageCharges fake = new InMemoryMessageCharges();

    @Override
    protected MessageCharges unpriced() {
        return fake;
    }

    @Override
    protected OrganizationId organization() {
        return OrganizationId.of(1);
    }

    @Override
    protected MessageId finished(OrganizationId organization, MessageSid sid, Instant lastChange, String body) {
        return fake.finished(organization, sid, lastChange, body);
    }

    @Override
    protected MessageId open(OrganizationId organization, MessageSid sid, Instant lastChange) {
        return fake.open(organization, sid, lastChange);
    }
}
