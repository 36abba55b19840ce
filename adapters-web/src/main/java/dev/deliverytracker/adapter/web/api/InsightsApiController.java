package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.adapter.web.InsightsRequestReader;
import dev.deliverytracker.application.port.MessageCursor;
import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.application.port.StatisticsInterval;
import dev.deliverytracker.application.port.TimeRange;
import dev.deliverytracker.application.port.in.DeliveryStatistics;
import dev.deliverytracker.application.port.in.ExportMessages;
import dev.deliverytracker.application.port.in.FindDeliveryHistory;
import dev.deliverytracker.application.port.in.FindFailures;
import dev.deliverytracker.application.port.in.ListMessages;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import dev.deliverytracker.domain.Origin;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What happened to an organization's messages: timelines, lists, exports, failures and statistics. */
@RestController
class InsightsApiController {

    private static final Logger LOG = LoggerFactory.getLogger(InsightsApiController.class);
    private static final int DEFAULT_LIMIT = 50;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final FindDeliveryHistory history;
    private final ListMessages list;
    private final ExportMessages export;
    private final FindFailures failures;
    private final DeliveryStatistics statistics;
    private final Clock clock;

    public InsightsApiController(FindDeliveryHistory history, ListMessages list, ExportMessages export,
            FindFailures failures, DeliveryStatistics statistics, Clock clock) {
        this.history = history;
        this.list = list;
        this.export = export;
        this.failures = failures;
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/api/v1/messages/{id}/timeline")
    public ResponseEntity<?> timeline(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @PathVariable String id, @RequestParam Map<String, String> params) {
        MessageId messageId = MessageId.parse(id);
        InsightsRequestReader reader = InsightsRequestReader.of(params);
        boolean withPayload = reader.flag("payload");
        reader.done();
        return history.timeline(actor, organization, messageId, withPayload)
                .<ResponseEntity<?>>map(timeline -> ResponseEntity.ok(InsightsResponses.Timeline.of(timeline)))
                .orElseGet(() -> {
                    // Another organization's message is "not found" too: its existence is not ours to reveal.
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                            "no message " + messageId + " in your organization");
                    problem.setTitle("Message not found");
                    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
                });
    }

    @GetMapping("/api/v1/messages")
    public InsightsResponses.Page list(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestParam Map<String, String> params) {
        InsightsRequestReader reader = InsightsRequestReader.of(params);
        MessageFilter filter = reader.filter(organization);
        Optional<MessageCursor> cursor = reader.cursor();
        int limit = reader.limit(DEFAULT_LIMIT);
        reader.done();
        return InsightsResponses.Page.of(list.list(actor, filter, cursor, limit));
    }

    /**
     * Written straight to the response on the request's thread while the database streams rows: no
     * async timeout cuts a long export short, and memory stays flat whatever the row count.
     */
    @GetMapping("/api/v1/messages.csv")
    public void csv(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        InsightsRequestReader reader = InsightsRequestReader.of(params);
        MessageFilter filter = reader.filter(organization);
        reader.done();
        // The answer starts with the first row (or after the last, when there is none): a refusal of the
        // use case, thrown before any row, is still answered as a problem rather than as a CSV.
        MessagesCsv[] csv = new MessagesCsv[1];
        Writer[] writer = new Writer[1];
        long rows = export.export(actor, filter, row -> {
            if (csv[0] == null) {
                writer[0] = startCsv(response);
                csv[0] = new MessagesCsv(writer[0]);
                csv[0].header();
            }
            csv[0].row(row);
        });
        if (csv[0] == null) {
            writer[0] = startCsv(response);
            new MessagesCsv(writer[0]).header();
        }
        writer[0].flush();
        LOG.info("csv export org={} rows={}", organization, rows);
    }

    private Writer startCsv(HttpServletResponse response) {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType("text/csv; charset=UTF-8; header=present");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"messages-" + FILE_TIME.format(clock.instant()) + ".csv\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                    64 * 1024);
        } catch (IOException broken) {
            throw new java.io.UncheckedIOException(broken);
        }
    }

    @GetMapping("/api/v1/failures")
    public InsightsResponses.Failures failures(
            @RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestParam Map<String, String> params) {
        InsightsRequestReader reader = InsightsRequestReader.of(params);
        Optional<TimeRange> range = reader.range();
        reader.done();
        List<FindFailures.FailureGroup> groups = failures.failures(actor, organization, range.orElseThrow());
        return new InsightsResponses.Failures(range.get().from(), range.get().until(),
                groups.stream().mapToLong(FindFailures.FailureGroup::count).sum(),
                groups.stream().map(InsightsResponses.Failure::of).toList());
    }

    @GetMapping("/api/v1/statistics")
    public InsightsResponses.Statistics statistics(
            @RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestParam Map<String, String> params) {
        InsightsRequestReader reader = InsightsRequestReader.of(params);
        Optional<TimeRange> range = reader.range();
        Optional<StatisticsInterval> interval = reader.interval();
        Optional<Origin> origin = reader.origin();
        reader.checkSpan(range, interval);
        reader.done();
        return InsightsResponses.Statistics.of(statistics.statistics(actor, 
                new DeliveryStatistics.Query(organization, range.orElseThrow(), interval.orElseThrow(), origin)));
    }
}
