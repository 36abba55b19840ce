package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.SendMessage;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.application.port.out.AllowedSenders;
import dev.deliverytracker.domain.AllowedSender;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.Sender;
import java.util.List;
import java.util.Optional;
import dev.deliverytracker.domain.Organization;

/**
 * The send use case behind the checks of who sends and from where: the key must carry the scope
 * {@code send}, its organization must be enabled, and a sender it names must be one the organization
 * allowed (when it has any; a request naming none takes the channel's default). The organization is read at every send, so disabling it takes effect
 * on every instance at once. Both refusals store nothing and spend no budget.
 */
public final class OrganizationGatedSendMessage implements SendMessage {

    private final SendMessage send;
    private final OrganizationDirectory directory;
    private final AllowedSenders senders;

    public OrganizationGatedSendMessage(SendMessage send, OrganizationDirectory directory, AllowedSenders senders) {
        this.send = send;
        this.directory = directory;
        this.senders = senders;
    }

    @Override
    public SendOutcome send(SendMessageCommand command) {
        if (!command.caller().may(ApiScope.SEND)) {
            return new SendOutcome.NotPermitted("an API key with scope 'send'");
        }
        if (!directory.find(command.organization()).map(Organization::enabled).orElse(true)) {
            return new SendOutcome.OrganizationDisabled(command.organization());
        }
        return sender(command).map(send::send).orElseGet(() -> new SendOutcome.SenderNotAllowed(
                AllowedSender.fieldOf(command.sender()), "organization " + command.organization() + " has not "
                        + "allowed this " + command.to().channel().wireName() + " sender; ask an administrator to add it "
                        + "or name one of its senders"));
    }

    /**
     * The command as it may be sent: a named sender must be one of the organization's (when it has any);
     * no sender named takes the channel's default sender, when there is one. Empty: not allowed.
     */
    private Optional<SendMessageCommand> sender(SendMessageCommand command) {
        List<AllowedSender> allowed = senders.of(command.organization());
        if (allowed.isEmpty()) {
            return Optional.of(command);
        }
        Channel channel = command.to().channel();
        if (command.sender() instanceof Sender.OrganizationDefault) {
            return Optional.of(allowed.stream().filter(sender -> sender.isDefault() && sender.channel() == channel)
                    .findFirst().map(sender -> new SendMessageCommand(command.caller(), command.to(), sender.sender(),
                            command.content(), command.tags(), command.idempotencyKey(),
                            command.statusCallback()))
                    .orElse(command));
        }
        return allowed.stream().anyMatch(sender -> sender.allows(channel, command.sender())) ? Optional.of(command)
                : Optional.empty();
    }
}
