package dev.deliverytracker.application.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.port.out.AllowedSenders;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.AllowedSender;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.MessagingServiceSid;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import org.junit.jupiter.api.Test;

/** What every store of allowed senders promises, run against the fake and PostgreSQL. */
public abstract class AllowedSendersContract {

    private static final Sender NUMBER = new Sender.Number(Address.sms("+15005550006"));
    private static final Sender OTHER = new Sender.Number(Address.sms("+15005550007"));
    private static final Sender WHATSAPP = new Sender.Number(Address.whatsapp("+15005550006"));
    private static final Sender SERVICE = new Sender.Service(MessagingServiceSid.of("MG" + "a".repeat(32)));

    protected abstract AllowedSenders senders();

    protected abstract OrganizationId newOrganization();

    @Test
    void senders_are_kept_per_organization_and_channel_with_one_default_each() {
        OrganizationId organization = newOrganization();

        assertThat(senders().add(organization, new AllowedSender(Channel.SMS, NUMBER, true))).isTrue();
        assertThat(senders().add(organization, new AllowedSender(Channel.SMS, OTHER, true))).isTrue();
        assertThat(senders().add(organization, new AllowedSender(Channel.WHATSAPP, WHATSAPP, true))).isTrue();
        assertThat(senders().add(organization, new AllowedSender(Channel.WHATSAPP, SERVICE, false))).isTrue();
        assertThat(senders().add(organization, new AllowedSender(Channel.SMS, NUMBER, false))).as("twice").isFalse();

        assertThat(senders().of(organization)).containsExactlyInAnyOrder(
                new AllowedSender(Channel.SMS, NUMBER, false), new AllowedSender(Channel.SMS, OTHER, true),
                new AllowedSender(Channel.WHATSAPP, WHATSAPP, true), new AllowedSender(Channel.WHATSAPP, SERVICE, false));
        assertThat(senders().of(newOrganization())).isEmpty();
    }

    @Test
    void the_default_moves_and_a_removed_sender_is_gone() {
        OrganizationId organization = newOrganization();
        senders().add(organization, new AllowedSender(Channel.SMS, NUMBER, true));
        senders().add(organization, new AllowedSender(Channel.SMS, SERVICE, false));

        assertThat(senders().makeDefault(organization, Channel.SMS, SERVICE)).isTrue();
        assertThat(senders().makeDefault(organization, Channel.WHATSAPP, SERVICE)).isFalse();
        assertThat(senders().of(organization)).containsExactlyInAnyOrder(
                new AllowedSender(Channel.SMS, NUMBER, false), new AllowedSender(Channel.SMS, SERVICE, true));

        assertThat(senders().remove(organization, Channel.SMS, NUMBER)).isTrue();
        assertThat(senders().remove(organization, Channel.SMS, NUMBER)).isFalse();
        assertThat(senders().of(organization)).containsExactly(new AllowedSender(Channel.SMS, SERVICE, true));
    }
}
