package dev.deliverytracker.application.port.out;

import dev.deliverytracker.application.port.SpendLine;
import dev.deliverytracker.application.port.SpendQuery;
import java.util.List;

/** Sums of the charges kept for an organization's messages. */
public interface Spending {

    /**
     * The lines of a spend report: outgoing messages created in the query's range, grouped as it says
     * and by currency, largest spend first, then by key.
     */
    List<SpendLine> lines(SpendQuery query);
}
