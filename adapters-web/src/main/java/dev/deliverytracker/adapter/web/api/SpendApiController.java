package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.adapter.web.InsightsRequestReader;
import dev.deliverytracker.application.port.SpendGrouping;
import dev.deliverytracker.application.port.SpendLine;
import dev.deliverytracker.application.port.SpendQuery;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.application.port.in.ReportSpend;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What delivery cost, from the prices Twilio put on the organization's messages: {@code by} is
 * {@code channel}, {@code sender}, {@code tag:<key>} or absent for the total.
 */
@RestController
class SpendApiController {

    private final ReportSpend spend;

    public SpendApiController(ReportSpend spend) {
        this.spend = spend;
    }

    @GetMapping("/api/v1/statistics/spend")
    public SpendResponse spend(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestParam Map<String, String> params) {
        InsightsRequestReader reader = InsightsRequestReader.of(params);
        Optional<TimeRange> range = reader.range();
        Optional<SpendGrouping> by = reader.spendGrouping();
        reader.checkSpendSpan(range);
        reader.done();
        ReportSpend.Spend report = spend.spend(actor, new SpendQuery(organization, range.orElseThrow(), by.orElseThrow()));
        return new SpendResponse(report.range().from(), report.range().until(), params.getOrDefault("by", "total"),
                report.lines().stream().map(Line::of).toList());
    }

    /**
     * Amounts are decimal strings, exact as Twilio's prices are. A line without a currency holds the
     * messages Twilio has not priced yet.
     */
    public record SpendResponse(Instant from, Instant until, String by, List<Line> lines) {
    }

    public record Line(String key, String currency, long messages, long segments, String spent,
            String spentOnFailures) {

        static Line of(SpendLine line) {
            return new Line(line.key().orElse(null), line.currency().map(c -> c.getCurrencyCode()).orElse(null),
                    line.messages(), line.segments(), line.spent().toPlainString(),
                    line.spentOnFailures().toPlainString());
        }
    }
}
