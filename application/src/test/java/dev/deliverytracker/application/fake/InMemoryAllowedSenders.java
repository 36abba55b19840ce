package dev.deliverytracker.application.fake;

import dev.deliverytracker.application.port.out.AllowedSenders;
import dev.deliverytracker.domain.AllowedSender;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Sender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Allowed senders in lists, for use-case tests. */
public final class InMemoryAllowedSenders implements AllowedSenders {

    private final Map<OrganizationId, List<AllowedSender>> senders = new HashMap<>();

    @Override
    public synchronized List<AllowedSender> of(OrganizationId organization) {
        return List.copyOf(senders.getOrDefault(organization, List.of()));
    }

    @Override
    public synchronized boolean add(OrganizationId organization, AllowedSender sender) {
        List<AllowedSender> own = senders.computeIfAbsent(organization, key -> new ArrayList<>());
        if (own.stream().anyMatch(existing -> existing.allows(sender.channel(), sender.sender()))) {
            return false;
        }
        if (sender.isDefault()) {
            own.replaceAll(existing -> existing.channel() == sender.channel() ? existing.asDefault(false) : existing);
        }
        own.add(sender);
        return true;
    }

    @Override
    public synchronized boolean remove(OrganizationId organization, Channel channel, Sender sender) {
        return senders.getOrDefault(organization, new ArrayList<>()).removeIf(existing -> existing.allows(channel, sender));
    }

    @Override
    public synchronized boolean makeDefault(OrganizationId organization, Channel channel, Sender sender) {
        List<AllowedSender> own = senders.getOrDefault(organization, new ArrayList<>());
        if (own.stream().noneMatch(existing -> existing.allows(channel, sender))) {
            return false;
        }
        own.replaceAll(existing -> existing.channel() != channel ? existing
                : existing.asDefault(existing.sender().equals(sender)));
        return true;
    }
}
