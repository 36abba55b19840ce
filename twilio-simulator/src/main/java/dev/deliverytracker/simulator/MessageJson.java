package dev.deliverytracker.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders messages in the JSON shape of Twilio's Messages API (snake case, RFC 2822 dates). */
final class MessageJson {

    private MessageJson() {
    }

    static String listUri(String accountSid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
    }

    static String uri(SimulatedMessage message) {
        return "/2010-04-01/Accounts/" + message.accountSid() + "/Messages/" + message.sid() + ".json";
    }

    static Map<String, Object> of(SimulatedMessage message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", message.accountSid());
        json.put("api_version", CallbackPlanner.API_VERSION);
        json.put("body", message.body());
        json.put("date_created", TwilioDates.rfc2822(message.dateCreated()));
        json.put("date_sent", TwilioDates.rfc2822(message.dateSent()));
        json.put("date_updated", TwilioDates.rfc2822(message.dateUpdated()));
        json.put("direction", "outbound-api");
        json.put("error_code", message.errorCode() == 0 ? null : message.errorCode());
        json.put("error_message", message.errorCode() == 0 ? null : ErrorTitles.of(message.errorCode()));
        // A Messaging Service picks the sender after "accepted": Twilio shows no From before that.
        json.put("from", "accepted".equals(message.status()) ? null : message.from());
        json.put("messaging_service_sid", message.messagingServiceSid().isEmpty() ? null : message.messagingServiceSid());
        json.put("num_media", "0");
        json.put("num_segments", Integer.toString(message.numSegments()));
        json.put("price", message.price().isEmpty() ? null : message.price());
        json.put("price_unit", Pricing.UNIT);
        json.put("sid", message.sid());
        json.put("status", message.status());
        json.put("subresource_uris", Map.of("media", uri(message).replace(".json", "/Media.json")));
        json.put("to", message.to());
        json.put("uri", uri(message));
        return json;
    }

    /** One page in the shape twilio-java's {@code Page.fromJson("messages", ...)} reads. */
    static Map<String, Object> page(List<SimulatedMessage> records, String pageUri, String firstPageUri,
                                    String nextPageUri, String previousPageUri, int page, int pageSize, int start) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("first_page_uri", firstPageUri);
        json.put("end", start + Math.max(records.size(), 1) - 1);
        json.put("previous_page_uri", previousPageUri);
        json.put("messages", records.stream().map(MessageJson::of).toArray());
        json.put("uri", pageUri);
        json.put("page_size", pageSize);
        json.put("start", start);
        json.put("next_page_uri", nextPageUri);
        json.put("page", page);
        return json;
    }
}
