package dev.deliverytracker.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.fake.InMemoryAllowedSenders;
import dev.deliverytracker.application.fake.InMemoryAuditTrail;
import dev.deliverytracker.application.fake.InMemoryOrganizationDirectory;
import dev.deliverytracker.application.fake.MovableClock;
import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.AdminOutcome;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.AllowedSender;
import dev.deliverytracker.domain.ApiScope;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SenderAdminServiceTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final InMemoryOrganizationDirectory directory = new InMemoryOrganizationDirectory();
    private final InMemoryAllowedSenders store = new InMemoryAllowedSenders();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final SenderAdminService senders = new SenderAdminService(store, directory, audit, clock);
    private final OrganizationId north = directory.create("north", clock.instant()).orElseThrow().id();
    private final OrganizationId south = directory.create("south", clock.instant()).orElseThrow().id();

    private static Actor adminOf(OrganizationId organization) {
        return Actor.key(new ApiCaller(1, organization, Set.of(ApiScope.MANAGE, ApiScope.READ)));
    }

    @Test
    void numbers_whatsapp_senders_and_messaging_services_are_added_with_one_default_per_channel() {
        senders.add(adminOf(north), north, "sms", "+15005550006", null, true);
        senders.add(adminOf(north), north, "whatsapp", "whatsapp:+15005550006", null, true);
        senders.add(adminOf(north), north, "sms", null, "MG" + "c".repeat(32), false);

        assertThat(senders.makeDefault(adminOf(north), north, "sms", null, "MG" + "c".repeat(32)))
                .isInstanceOf(AdminOutcome.Done.class);
        assertThat(store.of(north)).filteredOn(AllowedSender::isDefault).extracting(AllowedSender::channel)
                .containsExactlyInAnyOrder(Channel.SMS, Channel.WHATSAPP);
        assertThat(store.of(north)).contains(new AllowedSender(Channel.WHATSAPP,
                new Sender.Number(Address.whatsapp("+15005550006")), true));
        assertThat(audit.of(north, 10)).extracting(entry -> entry.action())
                .containsExactly("sender.made-default", "sender.added", "sender.added", "sender.added");
    }

    @Test
    void malformed_senders_are_refused_naming_the_field() {
        assertThatThrownBy(() -> senders.add(adminOf(north), north, "fax", "+15005550006", null, false))
                .hasMessageStartingWith("channel: ");
        assertThatThrownBy(() -> senders.add(adminOf(north), north, "sms", "12", null, false))
                .hasMessageStartingWith("from: ");
        assertThatThrownBy(() -> senders.add(adminOf(north), north, "sms", null, "MG1", false))
                .hasMessageStartingWith("messagingServiceSid: ");
        assertThatThrownBy(() -> senders.add(adminOf(north), north, "sms", "+15005550006", "MG" + "c".repeat(32), false))
                .hasMessageStartingWith("from: name either");
        assertThatThrownBy(() -> senders.add(adminOf(north), north, "sms", "whatsapp:+15005550006", null, false))
                .hasMessageStartingWith("from: ");
    }

    @Test
    void a_duplicate_is_a_conflict_and_another_organization_sees_nothing() {
        senders.add(adminOf(north), north, "sms", "+15005550006", null, true);

        assertThat(senders.add(adminOf(north), north, "sms", "+15005550006", null, false))
                .isInstanceOfSatisfying(AdminOutcome.Conflict.class, conflict ->
                        assertThat(conflict.field()).isEqualTo("from"));
        assertThat(senders.list(adminOf(south), north)).isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(senders.remove(adminOf(south), north, "sms", "+15005550006", null))
                .isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(senders.add(Actor.key(new ApiCaller(2, north, Set.of(ApiScope.READ))), north, "sms",
                "+15005550007", null, false)).isInstanceOf(AdminOutcome.Forbidden.class);
        assertThat(store.of(north)).hasSize(1);
    }
}
