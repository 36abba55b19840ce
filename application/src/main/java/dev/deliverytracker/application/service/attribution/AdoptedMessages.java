package dev.deliverytracker.application.service.attribution;

import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessagingServiceSid;
import dev.deliverytracker.domain.Sender;
import java.util.List;
import java.util.Optional;

/**
 * A message another application sent, read from the first event that reveals it: the channel (the
 * {@code whatsapp:} prefix or {@code ChannelPrefix}), recipient, sender number or Messaging Service,
 * as Twilio's callback names them. An event without a readable recipient reveals no message.
 */
final class AdoptedMessages {

    private AdoptedMessages() {
    }

    static Optional<Message> from(ReportedEvent reported) {
        Optional<String> to = first(reported, "To");
        if (to.isEmpty()) {
            return Optional.empty();
        }
        boolean whatsapp = to.get().startsWith("whatsapp:")
                || first(reported, "ChannelPrefix").map("whatsapp"::equalsIgnoreCase).orElse(false);
        Channel channel = whatsapp ? Channel.WHATSAPP : Channel.SMS;
        try {
            Address recipient = Address.parseFor(channel, to.get());
            return Optional.of(Message.adopted(reported.organization(), recipient, sender(reported, channel),
                    reported.event().sid(), reported.event().receivedAt()));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static Sender sender(ReportedEvent reported, Channel channel) {
        Optional<Sender> number = first(reported, "From").flatMap(from -> {
            try {
                return Optional.of(new Sender.Number(Address.parseFor(channel, from)));
            } catch (IllegalArgumentException notANumber) {
                return Optional.empty();
            }
        });
        if (number.isPresent()) {
            return number.get();
        }
        return first(reported, "MessagingServiceSid").flatMap(AdoptedMessages::service)
                .orElse(Sender.organizationDefault());
    }

    private static Optional<Sender> service(String sid) {
        try {
            return Optional.of(new Sender.Service(MessagingServiceSid.of(sid)));
        } catch (IllegalArgumentException notAServiceSid) {
            return Optional.empty();
        }
    }

    private static Optional<String> first(ReportedEvent reported, String name) {
        List<String> values = reported.payload().get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? Optional.empty()
                : Optional.of(values.get(0).trim());
    }
}
