package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.application.fake.InMemoryAllowedSenders;
import dev.deliverytracker.application.fake.InMemoryOrganizationDirectory;
import dev.deliverytracker.domain.AllowedSender;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.MessagingServiceSid;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.application.port.in.SendOutcome;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.Message;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.Organization;
import dev.deliverytracker.domain.Sender;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrganizationGatedSendMessageTest {

    private final InMemoryOrganizationDirectory directory = new InMemoryOrganizationDirectory();
    private final AtomicInteger sent = new AtomicInteger();
    private final InMemoryAllowedSenders senders = new InMemoryAllowedSenders();
    private SendMessageCommand lastSent;
    private final OrganizationGatedSendMessage send = new OrganizationGatedSendMessage(command -> {
        sent.incrementAndGet();
        lastSent = command;
        return new SendOutcome.Accepted(Message.pending(command.organization(), command.to(), command.sender(),
                command.content(), Map.of(), Optional.empty(), Instant.now()));
    }, directory, senders);

    private static SendMessageCommand text(ApiCaller caller) {
        return new SendMessageCommand(caller, Address.sms("+31612345678"), Sender.organizationDefault(),
                new MessageContent.Text("hello"), Map.of(), "");
    }

    @Test
    void a_disabled_organizations_sends_are_refused_and_reach_nothing_behind() {
        Organization north = directory.create("north", Instant.now()).orElseThrow();
        directory.save(north.disabled());

        assertThat(send.send(text(new ApiCaller(1, north.id())))).isEqualTo(
                new SendOutcome.OrganizationDisabled(north.id()));
        assertThat(sent).hasValue(0);

        directory.save(north);
        assertThat(send.send(text(new ApiCaller(1, north.id())))).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(sent).hasValue(1);
    }

    @Test
    void a_key_without_the_send_scope_is_refused() {
        Organization north = directory.create("north", Instant.now()).orElseThrow();

        assertThat(send.send(text(new ApiCaller(1, north.id(), Set.of(ApiScope.READ)))))
                .isEqualTo(new SendOutcome.NotPermitted("an API key with scope 'send'"));
        assertThat(sent).hasValue(0);
    }

    @Test
    void once_an_organization_has_senders_only_those_send_and_a_request_naming_none_takes_the_channels_default() {
        Organization north = directory.create("north", Instant.now()).orElseThrow();
        Sender number = new Sender.Number(Address.sms("+15005550006"));
        senders.add(north.id(), new AllowedSender(Channel.SMS, number, true));
        ApiCaller caller = new ApiCaller(1, north.id());

        assertThat(send.send(text(caller))).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(lastSent.sender()).isEqualTo(number);
        assertThat(send.send(from(caller, new Sender.Number(Address.sms("+15005550099"))))).isEqualTo(
                new SendOutcome.SenderNotAllowed("from", "organization " + north.id() + " has not allowed this sms "
                        + "sender; ask an administrator to add it or name one of its senders"));
        assertThat(send.send(from(caller, new Sender.Service(MessagingServiceSid.of("MG" + "b".repeat(32))))))
                .isInstanceOfSatisfying(SendOutcome.SenderNotAllowed.class, refused ->
                        assertThat(refused.field()).isEqualTo("messagingServiceSid"));
        assertThat(send.send(from(caller, number))).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(sent).hasValue(2);
    }

    private static SendMessageCommand from(ApiCaller caller, Sender sender) {
        return new SendMessageCommand(caller, Address.sms("+31612345678"), sender, new MessageContent.Text("hello"),
                Map.of(), "");
    }

    @Test
    void the_default_sender_put_in_keeps_the_requests_status_callback() {
        Organization north = directory.create("north", Instant.now()).orElseThrow();
        senders.add(north.id(), new AllowedSender(Channel.SMS, new Sender.Number(Address.sms("+15005550006")), true));
        java.net.URI callback = java.net.URI.create("https://orders.example.com/status");

        send.send(new SendMessageCommand(new ApiCaller(1, north.id()), Address.sms("+31612345678"),
                Sender.organizationDefault(), new MessageContent.Text("hello"), Map.of(), "", Optional.of(callback)));

        assertThat(lastSent.statusCallback()).contains(callback);
    }
}
