package dev.deliverytracker.domain;

/**
 * A sender an organization may send from on a channel: a phone number (SMS), a WhatsApp sender, or a
 * Messaging Service (either channel). At most one per channel is the default, used when a request
 * names no sender.
 */
public record AllowedSender(Channel channel, Sender sender, boolean isDefault) {

    public AllowedSender {
        if (channel == null || sender == null) {
            throw new IllegalArgumentException("channel: an allowed sender needs its channel and sender");
        }
        if (sender instanceof Sender.OrganizationDefault) {
            throw new IllegalArgumentException("from: an allowed sender is a number or a Messaging Service");
        }
        if (sender instanceof Sender.Number number && number.address().channel() != channel) {
            throw new IllegalArgumentException("from: " + number.address() + " is not a " + channel.wireName()
                    + " sender");
        }
    }

    /** Whether a request on {@code requested}'s channel naming {@code requested} may send from this one. */
    public boolean allows(Channel requestedChannel, Sender requested) {
        return channel == requestedChannel && sender.equals(requested);
    }

    /** The request field that names this kind of sender. */
    public static String fieldOf(Sender sender) {
        return sender instanceof Sender.Service ? "messagingServiceSid" : "from";
    }

    public AllowedSender asDefault(boolean isDefault) {
        return new AllowedSender(channel, sender, isDefault);
    }
}
