package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.QuarantinedBatch;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks.Selection;
import dev.deliverytracker.application.port.in.ReplayRefusedEventBatches;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarantine of refused Event Streams batches, seen and replayed by the organization whose Twilio
 * account they name, as refused callbacks are. A replay checks each again with today's public base URL
 * and tokens. The body is not shown: it holds phone numbers and message text, and a refused one proves
 * nothing; its events are counted, its length given.
 */
@RestController
class RefusedEventBatchApiController {

    private static final int DEFAULT_LIST_LIMIT = 100;

    private final ReplayRefusedEventBatches replays;
    private final Clock clock;

    RefusedEventBatchApiController(ReplayRefusedEventBatches replays, Clock clock) {
        this.replays = replays;
        this.clock = clock;
    }

    /** One kept batch; {@code replayable} when it was kept whole, so its signature can be checked again. */
    public record RefusedBatchResponse(String id, Instant receivedAt, String reason, String url, String source,
            boolean signed, int events, int bodyLength, boolean replayable) {

        static RefusedBatchResponse of(QuarantinedBatch kept) {
            return new RefusedBatchResponse(Long.toString(kept.id()), kept.batch().receivedAt(), kept.reason(),
                    kept.batch().url(), kept.batch().source(), !kept.batch().signature().isBlank(),
                    kept.batch().events().size(), kept.bodyLength(), kept.whole());
        }
    }

    public record ReplayRequest(String from, String to, Integer limit) {
    }

    public record ReplayResponse(int examined, int replayed, int stillRefused) {
    }

    @GetMapping("/api/v1/refused-event-batches")
    public List<RefusedBatchResponse> list(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit) {
        Selection selection = ReplaySelections.of(organization, from, to, limit, DEFAULT_LIST_LIMIT, clock);
        return replays.list(actor, selection).stream().map(RefusedBatchResponse::of).toList();
    }

    @PostMapping("/api/v1/refused-event-batches/replay")
    public ReplayResponse replay(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestBody(required = false) ReplayRequest request) {
        ReplayRequest asked = request == null ? new ReplayRequest(null, null, null) : request;
        Selection selection = ReplaySelections.of(organization, asked.from(), asked.to(),
                asked.limit() == null ? null : asked.limit().toString(), ReplayRefusedCallbacks.MAX_LIMIT, clock);
        ReplayRefusedCallbacks.Replay replay = replays.replay(actor, selection);
        return new ReplayResponse(replay.examined(), replay.recovered(), replay.stillRefused());
    }
}
