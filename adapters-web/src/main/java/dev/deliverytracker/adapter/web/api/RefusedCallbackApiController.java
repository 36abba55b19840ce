package dev.deliverytracker.adapter.web.api;

import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.QuarantinedCallback;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks.Selection;
import dev.deliverytracker.application.port.in.ReplayRefusedCallbacks;
import dev.deliverytracker.domain.Address;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarantine of refused callbacks, seen and replayed by the organization whose Twilio account
 * they name. A replay checks each again with today's public base URL and tokens.
 */
@RestController
class RefusedCallbackApiController {

    private static final int DEFAULT_LIST_LIMIT = 100;
    private static final Set<String> PHONE_NUMBERS = Set.of("From", "To", "ChannelToAddress");

    private final ReplayRefusedCallbacks replays;
    private final Clock clock;

    public RefusedCallbackApiController(ReplayRefusedCallbacks replays, Clock clock) {
        this.replays = replays;
        this.clock = clock;
    }

    /** One kept callback; phone numbers masked, the signature itself not shown. */
    public record RefusedCallbackResponse(String id, Instant receivedAt, String reason, String url, String source,
            boolean signed, Map<String, Object> parameters) {

        static RefusedCallbackResponse of(QuarantinedCallback kept) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            kept.callback().parameters().forEach((name, values) -> {
                List<String> shown = PHONE_NUMBERS.contains(name) ? values.stream().map(Address::masked).toList()
                        : values;
                parameters.put(name, shown.size() == 1 ? shown.get(0) : shown);
            });
            return new RefusedCallbackResponse(Long.toString(kept.id()), kept.callback().receivedAt(), kept.reason(),
                    kept.callback().url(), kept.callback().source(), !kept.callback().signature().isBlank(),
                    parameters);
        }
    }

    public record ReplayRequest(String from, String to, Integer limit) {
    }

    public record ReplayResponse(int examined, int replayed, int stillRefused) {
    }

    @GetMapping("/api/v1/refused-callbacks")
    public List<RefusedCallbackResponse> list(@RequestAttribute(ApiKeyFilter.ACTOR) Actor actor,
            @RequestAttribute(ApiKeyFilter.ORGANIZATION) OrganizationId organization,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit) {
        Selection selection = ReplaySelections.of(organization, from, to, limit, DEFAULT_LIST_LIMIT, clock);
        return replays.list(actor, selection).stream().map(RefusedCallbackResponse::of).toList();
    }

    @PostMapping("/api/v1/refused-callbacks/replay")
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
