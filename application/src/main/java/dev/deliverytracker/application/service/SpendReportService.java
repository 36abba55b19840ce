package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.SpendQuery;
import dev.deliverytracker.application.port.in.ReportSpend;
import dev.deliverytracker.application.port.out.Spending;

/** Answers what delivery cost from the charges kept beside each message. */
public final class SpendReportService implements ReportSpend {

    private final Spending spending;

    public SpendReportService(Spending spending) {
        this.spending = spending;
    }

    @Override
    public Spend spend(Actor actor, SpendQuery query) {
        AccessPolicy.require(actor, query.organization(), AccessPolicy.Need.READ, "organization");
        return new Spend(query.range(), query.by(), spending.lines(query));
    }
}
