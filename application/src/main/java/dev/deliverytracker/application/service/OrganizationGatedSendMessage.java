package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.SendMessage;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.application.port.out.OrganizationDirectory;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.Organization;

/**
 * The send use case behind two checks of who sends: the key must carry the scope {@code send}, and its
 * organization must be enabled. The organization is read at every send, so disabling it takes effect
 * on every instance at once. Both refusals store nothing and spend no budget.
 */
public final class OrganizationGatedSendMessage implements SendMessage {

    private final SendMessage send;
    private final OrganizationDirectory directory;

    public OrganizationGatedSendMessage(SendMessage send, OrganizationDirectory directory) {
        this.send = send;
        this.directory = directory;
    }

    @Override
    public SendOutcome send(SendMessageCommand command) {
        if (!command.caller().may(ApiScope.SEND)) {
            return new SendOutcome.NotPermitted("an API key with scope 'send'");
        }
        if (!directory.find(command.organization()).map(Organization::enabled).orElse(true)) {
            return new SendOutcome.OrganizationDisabled(command.organization());
        }
        return send.send(command);
    }
}
