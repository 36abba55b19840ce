package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.SendMessage;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.application.port.out.ReceiverAddresses;
import dev.deliverytracker.application.port.out.StatusCallbackSigners;
import java.net.URI;
import java.util.Optional;

/**
 * A message's own status callback is taken only when it could be delivered: the URL passes the same
 * rules as a subscription's (refused before anything is stored, so the caller hears why at once),
 * and the organization has a status-callback secret to sign with.
 */
public final class StatusCallbackCheckedSendMessage implements SendMessage {

    private final SendMessage send;
    private final ReceiverAddresses addresses;
    private final StatusCallbackSigners signers;

    public StatusCallbackCheckedSendMessage(SendMessage send, ReceiverAddresses addresses,
            StatusCallbackSigners signers) {
        this.send = send;
        this.addresses = addresses;
        this.signers = signers;
    }

    @Override
    public SendOutcome send(SendMessageCommand command) {
        Optional<URI> callback = command.statusCallback();
        if (callback.isEmpty()) {
            return send.send(command);
        }
        Optional<String> refusal = addresses.refusal(callback.get());
        if (refusal.isPresent()) {
            return new SendOutcome.StatusCallbackRefused(refusal.get());
        }
        if (signers.signerOf(command.organization()).isEmpty()) {
            return new SendOutcome.StatusCallbackRefused("organization " + command.organization()
                    + " has no status-callback secret to sign with yet: create it once with "
                    + "POST /api/v1/status-callback-secret (the answer shows it, and only that answer)");
        }
        return send.send(command);
    }
}
