package dev.deliverytracker.application.port.out;

import dev.deliverytracker.domain.AccountSid;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.Sender;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * One message ready for the gateway: everything resolved, nothing left to look up.
 *
 * @param id                our message id (the status callback URL carries it too)
 * @param account           the Twilio account that sends it and signs its callbacks
 * @param to                the recipient; its channel decides SMS or WhatsApp
 * @param sender            a number or a Messaging Service; the organization's default must
 *                          already be resolved to one of them
 * @param content           free text or a content template
 * @param statusCallbackUrl where Twilio posts status changes: an absolute http(s) URL, kept exactly
 *                          as given (query and {@code #...} connection overrides included)
 */
public record OutgoingMessage(MessageId id, AccountSid account, Address to, Sender sender, MessageContent content,
        String statusCallbackUrl) {

    public OutgoingMessage {
        if (id == null) {
            throw new IllegalArgumentException("outgoing message id is required");
        }
        if (account == null) {
            throw new IllegalArgumentException("outgoing message " + id + " needs the Twilio account that sends it");
        }
        if (to == null) {
            throw new IllegalArgumentException("outgoing message " + id + " needs a recipient");
        }
        if (content == null || content instanceof MessageContent.Unknown) {
            throw new IllegalArgumentException("outgoing message " + id + " needs a body or a template");
        }
        if (sender == null || sender instanceof Sender.OrganizationDefault) {
            throw new IllegalArgumentException("outgoing message " + id + " needs a resolved sender (a number or a "
                    + "Messaging Service SID), was " + (sender == null ? "nothing" : "the organization's default"));
        }
        if (sender instanceof Sender.Number number && number.address().channel() != to.channel()) {
            throw new IllegalArgumentException("outgoing message " + id + ": sender " + number.address() + " is on "
                    + number.address().channel().wireName() + " but the recipient is on " + to.channel().wireName());
        }
        requireCallbackUrl(id, statusCallbackUrl);
    }

    private static void requireCallbackUrl(MessageId id, String url) {
        String problem = "statusCallbackUrl of outgoing message " + id
                + " must be an absolute http(s) URL such as https://example.com/twilio/status?mid=" + id + ", was ";
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(problem + "nothing");
        }
        String shown = url.length() > 80 ? url.substring(0, 80) + "…" : url;
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException(problem + "'" + shown + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem + "'" + shown + "' (" + e.getReason() + ")", e);
        }
    }
}
