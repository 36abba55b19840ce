package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.in.AdoptStoredUnmatched;
import dev.deliverytracker.application.port.out.DeliveryLog;
import dev.deliverytracker.application.port.out.ReportedEvent;
import dev.deliverytracker.application.port.out.StoredUnmatchedEvents;
import dev.deliverytracker.domain.AdoptionPolicy;
import dev.deliverytracker.domain.MessageSid;
import dev.deliverytracker.domain.OrganizationId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an organization's kept unmatched events again through the same log as live callbacks, with
 * the adoption policy {@code adopt}: the first event of each SID reveals its message, which claims the
 * other events of the SID as history (they are duplicates of themselves, so nothing is kept twice).
 */
public final class AdoptStoredUnmatchedService implements AdoptStoredUnmatched {

    private static final int PAGE = 500;

    private final StoredUnmatchedEvents stored;
    private final DeliveryLog log;

    public AdoptStoredUnmatchedService(StoredUnmatchedEvents stored, DeliveryLog log) {
        this.stored = stored;
        this.log = log;
    }

    @Override
    public AdoptionReport adoptStored(Actor actor, OrganizationId organization) {
        AccessPolicy.require(actor, organization, AccessPolicy.Need.MANAGE, "organization");
        int events = 0;
        Set<MessageSid> sids = new HashSet<>();
        long after = 0;
        List<StoredUnmatchedEvents.StoredUnmatched> page;
        do {
            page = stored.page(organization, after, PAGE);
            for (StoredUnmatchedEvents.StoredUnmatched kept : page) {
                after = kept.position();
                events++;
                sids.add(kept.event().event().sid());
                log.append(asAdopting(kept.event()));
            }
        } while (page.size() == PAGE);
        // Every event read again is a duplicate of itself, adopted or not: what is left unmatched tells.
        int notAdoptable = 0;
        Set<MessageSid> left = new HashSet<>();
        after = 0;
        do {
            page = stored.page(organization, after, PAGE);
            for (StoredUnmatchedEvents.StoredUnmatched kept : page) {
                after = kept.position();
                notAdoptable++;
                left.add(kept.event().event().sid());
            }
        } while (page.size() == PAGE);
        sids.removeAll(left);
        return new AdoptionReport(events, sids.size(), notAdoptable);
    }

    private static ReportedEvent asAdopting(ReportedEvent kept) {
        return new ReportedEvent(kept.event(), kept.lookup(), kept.organization(), kept.account(), kept.payload(),
                kept.idempotencyToken(), AdoptionPolicy.ADOPT);
    }
}
