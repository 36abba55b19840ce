package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.WindowEnforcement;
import dev.deliverytracker.application.port.out.InboundMessages;
import dev.deliverytracker.application.port.out.WindowEnforcements;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.CustomerServiceWindow;
import dev.deliverytracker.domain.InboundMessage;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Inbound messages and window enforcements in memory, with the same promises as the tables. */
public final class InMemoryInboundMessages implements InboundMessages, WindowEnforcements {

    private final Map<String, InboundMessage> messages = new LinkedHashMap<>();
    private final Map<OrganizationId, WindowEnforcement> enforcements = new HashMap<>();

    @Override
    public synchronized boolean add(InboundMessage message) {
        return messages.putIfAbsent(message.organization().value() + "/" + message.sid().value(), message) == null;
    }

    @Override
    public synchronized Optional<CustomerServiceWindow> latestWindow(OrganizationId organization, Address customer) {
        return messages.values().stream()
                .filter(message -> message.organization().equals(organization) && message.from().equals(customer))
                .max(Comparator.comparing(InboundMessage::receivedAt)).map(InboundMessage::window);
    }

    @Override
    public synchronized Optional<CustomerServiceWindow> latestWindow(OrganizationId organization, Address customer,
            Address business) {
        return messages.values().stream()
                .filter(message -> message.organization().equals(organization) && message.from().equals(customer)
                        && message.to().equals(business))
                .max(Comparator.comparing(InboundMessage::receivedAt)).map(InboundMessage::window);
    }

    @Override
    public synchronized List<CustomerServiceWindow> windowsSince(OrganizationId organization, Instant since, int limit) {
        Map<String, CustomerServiceWindow> latest = new HashMap<>();
        for (InboundMessage message : messages.values()) {
            if (message.organization().equals(organization) && !message.receivedAt().isBefore(since)) {
                latest.merge(message.from().toTwilio() + "|" + message.to().toTwilio(), message.window(),
                        (a, b) -> a.lastInboundAt().isAfter(b.lastInboundAt()) ? a : b);
            }
        }
        List<CustomerServiceWindow> windows = new ArrayList<>(latest.values());
        windows.sort(Comparator.comparing(CustomerServiceWindow::lastInboundAt).reversed());
        return windows.stream().limit(limit).toList();
    }

    @Override
    public synchronized List<InboundMessage> from(OrganizationId organization, Address customer, int limit) {
        return messages.values().stream()
                .filter(message -> message.organization().equals(organization) && message.from().equals(customer))
                .sorted(Comparator.comparing(InboundMessage::receivedAt).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized WindowEnforcement of(OrganizationId organization) {
        return enforcements.getOrDefault(organization, WindowEnforcement.OFF);
    }

    @Override
    public synchronized void set(OrganizationId organization, WindowEnforcement enforcement) {
        enforcements.put(organization, enforcement);
    }

    public synchronized List<InboundMessage> all() {
        return List.copyOf(messages.values());
    }
}
