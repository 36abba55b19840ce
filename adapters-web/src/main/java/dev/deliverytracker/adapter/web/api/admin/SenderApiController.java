package dev.deliverytracker.adapter.web.api.admin;

import dev.deliverytracker.adapter.web.api.ApiKeyFilter;
import dev.deliverytracker.application.port.Actor;
import dev.deliverytracker.application.port.ApiCaller;
import dev.deliverytracker.application.port.in.ManageSenders;
import dev.deliverytracker.domain.AllowedSender;
import dev.deliverytracker.domain.Sender;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The senders an organization may send from: add, make default, remove, list. */
@RestController
class SenderApiController {

    private final ManageSenders senders;

    SenderApiController(ManageSenders senders) {
        this.senders = senders;
    }

    /** A number in {@code from} ({@code +1...} or {@code whatsapp:+1...}) or a {@code messagingServiceSid}. */
    public record SenderBody(String channel, String from, String messagingServiceSid, Boolean isDefault) {
    }

    public record SenderResponse(String channel, String from, String messagingServiceSid, boolean isDefault) {
        static SenderResponse of(AllowedSender sender) {
            return new SenderResponse(sender.channel().wireName(),
                    sender.sender() instanceof Sender.Number number ? number.address().toTwilio() : null,
                    sender.sender() instanceof Sender.Service service ? service.sid().value() : null,
                    sender.isDefault());
        }
    }

    @GetMapping("/api/v1/organizations/{id}/senders")
    public List<SenderResponse> list(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller, @PathVariable String id) {
        return AdminProblem.valueOf(senders.list(Actor.key(caller), OrganizationApiController.idOf(id))).stream()
                .map(SenderResponse::of).toList();
    }

    @PostMapping("/api/v1/organizations/{id}/senders")
    public ResponseEntity<SenderResponse> add(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable String id, @RequestBody(required = false) SenderBody body) {
        SenderBody given = body == null ? new SenderBody(null, null, null, false) : body;
        return ResponseEntity.status(HttpStatus.CREATED).body(SenderResponse.of(AdminProblem.valueOf(senders.add(
                Actor.key(caller), OrganizationApiController.idOf(id), given.channel(), given.from(),
                given.messagingServiceSid(), Boolean.TRUE.equals(given.isDefault())))));
    }

    @PostMapping("/api/v1/organizations/{id}/senders/default")
    public SenderResponse makeDefault(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable String id, @RequestBody(required = false) SenderBody body) {
        SenderBody given = body == null ? new SenderBody(null, null, null, true) : body;
        return SenderResponse.of(AdminProblem.valueOf(senders.makeDefault(Actor.key(caller),
                OrganizationApiController.idOf(id), given.channel(), given.from(), given.messagingServiceSid())));
    }

    /** Removes a sender; the body names it as it was added. */
    @PostMapping("/api/v1/organizations/{id}/senders/remove")
    public SenderResponse remove(@RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @PathVariable String id, @RequestBody(required = false) SenderBody body) {
        SenderBody given = body == null ? new SenderBody(null, null, null, false) : body;
        return SenderResponse.of(AdminProblem.valueOf(senders.remove(Actor.key(caller),
                OrganizationApiController.idOf(id), given.channel(), given.from(), given.messagingServiceSid())));
    }
}
