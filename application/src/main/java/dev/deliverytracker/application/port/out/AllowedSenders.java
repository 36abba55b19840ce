package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AllowedSender;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.util.List;

/** The senders each organization may send from; read at every send, so a change holds at once everywhere. */
public interface AllowedSenders {

    /** The organization's senders; none means it may send from any (as before senders were kept). */
    List<AllowedSender> of(OrganizationId organization);

    /** Adds the sender (as the channel's only default when it is one); false if the organization has it already. */
    boolean add(OrganizationId organization, AllowedSender sender);

    boolean remove(OrganizationId organization, Channel channel, Sender sender);

    /** Makes the sender the channel's default, and no other; false if the organization does not have it. */
    boolean makeDefault(OrganizationId organization, Channel channel, Sender sender);
}
