package dev.deliverytracker.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's own JSON API under {@code /simulator}, for people and tests that are not in
 * the simulator's JVM. No auth: it binds to loopback by default and only steers a fake.
 *
 * <ul>
 *   <li>{@code GET /simulator/behaviour}, {@code PUT /simulator/behaviour} (fields left out keep their value)</li>
 *   <li>{@code POST /simulator/faults} {@code {"fault":"TOO_MANY_REQUESTS","count":2}}, {@code GET /simulator/faults}</li>
 *   <li>{@code POST /simulator/accounts} {@code {"sid":"AC...","token":"..."}}</li>
 *   <li>{@code POST /simulator/services} {@code {"sid":"MG...","statusCallback":"https://..."}}: a
 *       Messaging Service's Status Callback URL</li>
 *   <li>{@code POST /simulator/reset}</li>
 *   <li>{@code GET /simulator/messages}, {@code GET /simulator/callbacks[?messageSid=SM...]}</li>
 *   <li>{@code POST /simulator/event-streams/sinks} {@code {"destination":"https://...","accountSid":"AC...",
 *       "types":[...],"batchWindowMs":..,"maxBatch":..,"retryBaseMs":..,"retryMaxMs":..,"retryBudgetMs":..}}
 *       (types and timing optional: all messaging types, Twilio's timing), {@code GET} lists them,
 *       {@code DELETE /simulator/event-streams/sinks/DG...} removes one</li>
 *   <li>{@code GET /simulator/event-streams/deliveries}: every try to deliver a batch</li>
 *   <li>{@code POST /simulator/event-streams/inbound} {@code {"accountSid":"AC...","from":"whatsapp:+31...",
 *       "to":"whatsapp:+14...","body":"..."}}: an inbound message, answered with its SID</li>
 * </ul>
 */
final class ControlApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ControlApiHandler.class);

    private final TwilioSimulator simulator;
    private final JsonExchange json;

    ControlApiHandler(TwilioSimulator simulator, JsonExchange json) {
        this.simulator = simulator;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange, exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath().replaceAll("/+$", ""));
        } catch (IllegalArgumentException | IOException e) {
            json.reply(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            LOG.error("control request failed {}", exchange.getRequestURI(), e);
            json.reply(exchange, 500, Map.of("error", String.valueOf(e.getMessage())));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String route) throws IOException {
        if (route.startsWith("DELETE /simulator/event-streams/sinks/")) {
            simulator.removeEventStreamsSink(route.substring("DELETE /simulator/event-streams/sinks/".length()));
            json.reply(exchange, 200, Map.of("removed", true));
            return;
        }
        switch (route) {
            case "POST /simulator/event-streams/sinks": {
                JsonNode body = json.mapper().readTree(JsonExchange.body(exchange));
                java.util.Set<String> types = new java.util.LinkedHashSet<>();
                body.path("types").forEach(type -> types.add(type.asText()));
                EventStreamsSink sink = simulator.addEventStreamsSink(java.net.URI.create(body.path("destination").asText()),
                        body.path("accountSid").asText(simulator.accountSid()), types,
                        body.path("batchWindowMs").asLong(1000), body.path("maxBatch").asInt(100),
                        body.path("retryBaseMs").asLong(1000), body.path("retryMaxMs").asLong(600_000),
                        body.path("retryBudgetMs").asLong(EventStreamsSink.TWILIO_RETRY_BUDGET_MS));
                json.reply(exchange, 201, sinkJson(sink));
                break;
            }
            case "GET /simulator/event-streams/sinks":
                json.reply(exchange, 200, simulator.eventStreamsSinks().stream().map(ControlApiHandler::sinkJson)
                        .collect(Collectors.toList()));
                break;
            case "GET /simulator/event-streams/deliveries":
                json.reply(exchange, 200, simulator.streamDeliveries());
                break;
            case "POST /simulator/event-streams/inbound": {
                JsonNode body = json.mapper().readTree(JsonExchange.body(exchange));
                String sid = simulator.receiveInboundMessage(body.path("accountSid").asText(simulator.accountSid()),
                        body.path("from").asText(), body.path("to").asText(), body.path("body").asText(""));
                json.reply(exchange, 201, Map.of("sid", sid));
                break;
            }
            case "GET /simulator/behaviour":
                json.reply(exchange, 200, simulator.behaviour());
                break;
            case "PUT /simulator/behaviour":
                simulator.behaviour(merged(simulator.behaviour(), JsonExchange.body(exchange)));
                json.reply(exchange, 200, simulator.behaviour());
                break;
            case "GET /simulator/faults":
                json.reply(exchange, 200, faults());
                break;
            case "POST /simulator/faults": {
                JsonNode body = json.mapper().readTree(JsonExchange.body(exchange));
                simulator.injectCreateFaults(CreateFault.valueOf(body.path("fault").asText("TOO_MANY_REQUESTS")), body.path("count").asInt(1));
                json.reply(exchange, 200, faults());
                break;
            }
            case "POST /simulator/services": {
                JsonNode service = json.mapper().readTree(JsonExchange.body(exchange));
                simulator.serviceStatusCallback(service.path("sid").asText(), service.path("statusCallback").asText());
                json.reply(exchange, 201, Map.of("sid", service.path("sid").asText()));
                break;
            }
            case "POST /simulator/accounts": {
                JsonNode body = json.mapper().readTree(JsonExchange.body(exchange));
                simulator.registerAccount(body.path("sid").asText(), body.path("token").asText());
                json.reply(exchange, 201, Map.of("sid", body.path("sid").asText()));
                break;
            }
            case "POST /simulator/reset":
                simulator.reset();
                json.reply(exchange, 200, Map.of("reset", true));
                break;
            case "GET /simulator/messages":
                json.reply(exchange, 200, simulator.messages().stream().map(MessageJson::of).collect(Collectors.toList()));
                break;
            case "GET /simulator/callbacks":
                json.reply(exchange, 200, callbacks(FormData.parse(exchange.getRequestURI().getRawQuery()).get("messageSid")));
                break;
            default:
                json.reply(exchange, 404, Map.of("error", "no such control endpoint: " + route));
        }
    }

    private Behaviour merged(Behaviour current, String body) throws IOException {
        // Merge on the JSON tree: records cannot be updated in place, and a PUT that names one
        // field should not reset the others.
        ObjectNode tree = json.mapper().valueToTree(current);
        JsonNode changes = json.mapper().readTree(body);
        if (changes == null || !changes.isObject()) {
            throw new IllegalArgumentException("behaviour must be a JSON object");
        }
        tree.setAll((ObjectNode) changes);
        return json.mapper().treeToValue(tree, Behaviour.class);
    }

    /** A sink as the control API shows it: the destination without its credentials. */
    private static Map<String, Object> sinkJson(EventStreamsSink sink) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sid", sink.sid());
        java.net.URI destination = sink.destination();
        body.put("destination", destination.getUserInfo() == null ? destination.toString()
                : destination.toString().replace(destination.getRawUserInfo() + "@", "***@"));
        body.put("accountSid", sink.accountSid());
        body.put("types", new java.util.TreeSet<>(sink.types()));
        body.put("retryBudgetMs", sink.retryBudgetMs());
        return body;
    }

    private Map<String, Object> faults() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fault", simulator.createFault().map(Enum::name).orElse(null));
        body.put("remaining", simulator.remainingCreateFaults());
        return body;
    }

    private List<CallbackAttempt> callbacks(String messageSid) {
        return simulator.callbackAttempts().stream()
                .filter(attempt -> messageSid == null || attempt.messageSid().equals(messageSid))
                .collect(Collectors.toList());
    }
}
