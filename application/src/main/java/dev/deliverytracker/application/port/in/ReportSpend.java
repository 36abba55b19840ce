package dev.deliverytracker.application.port.in;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.SpendGrouping;
import dev.deliverytracker.application.port.SpendLine;
import dev.deliverytracker.application.port.SpendQuery;
import dev.deliverytracker.application.port.TimeRange;
import java.util.List;

/**
 * What delivery cost an organization: the provider's charges of the messages created in a range, in
 * total or per channel, sender or tag, with what failed messages cost apart.
 */
public interface ReportSpend {

    Spend spend(Actor actor, SpendQuery query);

    record Spend(TimeRange range, SpendGrouping by, List<SpendLine> lines) {

        public Spend {
            lines = List.copyOf(lines);
        }
    }
}
