package dev.deliverytracker.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio's REST surface for messages under {@code /2010-04-01/Accounts/{AccountSid}/}: create,
 * fetch and list, behind HTTP Basic auth with the account SID and auth token.
 */
final class MessagesApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MessagesApiHandler.class);
    private static final Pattern LIST = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final Pattern ONE = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages/([^/]+)\\.json");
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 1000;

    private static final Pattern ACCOUNT = Pattern.compile("/2010-04-01/Accounts/([^/]+)\\.json");

    private final AccountRegistry accounts;
    private final MessageStore store;
    private final MessageIntake intake;
    private final CreateFaults faults;
    private final JsonExchange json;

    MessagesApiHandler(AccountRegistry accounts, MessageStore store, MessageIntake intake, CreateFaults faults, JsonExchange json) {
        this.accounts = accounts;
        this.store = store;
        this.intake = intake;
        this.faults = faults;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            Matcher accountResource = ACCOUNT.matcher(path);
            if (accountResource.matches()) {
                fetchAccount(exchange, accountResource.group(1));
                return;
            }
            Matcher list = LIST.matcher(path);
            Matcher one = ONE.matcher(path);
            String pathAccount = list.matches() ? list.group(1) : one.matches() ? one.group(1) : null;
            if (pathAccount == null) {
                json.error(exchange, notFound(path));
                return;
            }
            Optional<String> account = accounts.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            if (account.isEmpty() || !account.get().equals(pathAccount)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Twilio API\"");
                json.error(exchange, new TwilioError(20003, ErrorTitles.of(20003), 401));
                return;
            }
            String method = exchange.getRequestMethod();
            if (list.matches() && "POST".equals(method)) {
                create(exchange, pathAccount);
            } else if (list.matches() && "GET".equals(method)) {
                list(exchange, pathAccount, path);
            } else if (one.matches() && "GET".equals(method)) {
                fetch(exchange, pathAccount, one.group(2), path);
            } else {
                json.error(exchange, new TwilioError(20004, "Method not allowed", 405));
            }
        } catch (RuntimeException e) {
            LOG.error("simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            json.error(exchange, new TwilioError(20500, ErrorTitles.of(20500), 500));
        } finally {
            exchange.close();
        }
    }

    /**
     * Twilio's Accounts resource: an account fetched with its own credentials, or a subaccount with its
     * parent's. Wrong credentials: 401 with 20003, as Twilio answers; another's account: 404 with 20404.
     * Twilio's answer also carries the account's auth token; ours does too, so a client that must not
     * keep it is tested against the same shape.
     */
    private void fetchAccount(HttpExchange exchange, String sid) throws IOException {
        Optional<String> caller = accounts.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        if (caller.isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            json.error(exchange, new TwilioError(20003, ErrorTitles.of(20003), 401));
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            json.error(exchange, new TwilioError(20004, "Method not allowed", 405));
            return;
        }
        if (!accounts.exists(sid) || !(caller.get().equals(sid) || accounts.ownerOf(sid).equals(caller.get()))) {
            json.error(exchange, notFound(exchange.getRequestURI().getPath()));
            return;
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        String created = TwilioDates.rfc2822(accounts.createdAt(sid));
        body.put("auth_token", accounts.tokenOf(sid).orElseThrow());
        body.put("date_created", created);
        body.put("date_updated", created);
        body.put("friendly_name", accounts.ownerOf(sid).equals(sid) ? "Simulated account " + sid.substring(28)
                : "Simulated subaccount " + sid.substring(28));
        body.put("owner_account_sid", accounts.ownerOf(sid));
        body.put("sid", sid);
        body.put("status", "active");
        body.put("subresource_uris", Map.of("messages", "/2010-04-01/Accounts/" + sid + "/Messages.json"));
        body.put("type", "Full");
        body.put("uri", "/2010-04-01/Accounts/" + sid + ".json");
        json.reply(exchange, 200, body);
    }

    private void create(HttpExchange exchange, String accountSid) throws IOException {
        Map<String, String> form = FormData.parse(JsonExchange.body(exchange));
        Optional<CreateFault> fault = faults.take();
        if (fault.isPresent() && !fault.get().storesTheMessage()) {
            LOG.info("create answered with injected fault account={} fault={}", accountSid, fault.get());
            json.error(exchange, fault.get().error());
            return;
        }
        waitAsTwilioDoes();
        MessageIntake.Result result = intake.create(accountSid, CreateMessageRequest.of(form));
        if (result instanceof MessageIntake.Rejected) {
            json.error(exchange, ((MessageIntake.Rejected) result).error());
        } else if (fault.isPresent()) {
            LOG.info("message stored, but answered with injected fault sid={} fault={}",
                    ((MessageIntake.Accepted) result).message().sid(), fault.get());
            json.error(exchange, fault.get().error());
        } else {
            json.reply(exchange, 201, MessageJson.of(((MessageIntake.Accepted) result).message()));
        }
    }

    /** The behaviour's create delay, spent holding this request as Twilio's API holds it. */
    private void waitAsTwilioDoes() throws IOException {
        long delay = intake.createDelayMs();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                throw new IOException("simulator stopping", stopping);
            }
        }
    }

    private void fetch(HttpExchange exchange, String accountSid, String sid, String path) throws IOException {
        Optional<SimulatedMessage> message = store.find(sid).filter(found -> found.accountSid().equals(accountSid));
        if (message.isPresent()) {
            json.reply(exchange, 200, MessageJson.of(message.get()));
        } else {
            json.error(exchange, notFound(path));
        }
    }

    private void list(HttpExchange exchange, String accountSid, String path) throws IOException {
        Map<String, String> query = FormData.parse(exchange.getRequestURI().getRawQuery());
        Predicate<SimulatedMessage> filter;
        int pageSize;
        int page;
        try {
            filter = filter(accountSid, query);
            pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Integer.parseInt(query.getOrDefault("PageSize", "" + DEFAULT_PAGE_SIZE))));
            page = Math.max(0, Integer.parseInt(query.getOrDefault("Page", "0")));
        } catch (IllegalArgumentException e) {
            json.error(exchange, new TwilioError(20001, e.getMessage(), 400));
            return;
        }
        List<SimulatedMessage> matching = store.newestFirst().stream().filter(filter).collect(Collectors.toList());
        int start = Math.min(matching.size(), page * pageSize);
        int end = Math.min(matching.size(), start + pageSize);
        List<SimulatedMessage> records = matching.subList(start, end);
        String next = end < matching.size() ? pageUri(path, query, pageSize, page + 1, records.get(records.size() - 1).sid()) : null;
        String previous = page > 0 ? pageUri(path, query, pageSize, page - 1, null) : null;
        json.reply(exchange, 200, MessageJson.page(records, pageUri(path, query, pageSize, page, null),
                pageUri(path, query, pageSize, 0, null), next, previous, page, pageSize, start));
    }

    private static Predicate<SimulatedMessage> filter(String accountSid, Map<String, String> query) {
        Predicate<SimulatedMessage> filter = message -> message.accountSid().equals(accountSid);
        String to = query.get("To");
        if (to != null) {
            filter = filter.and(message -> message.to().equals(to));
        }
        String from = query.get("From");
        if (from != null) {
            filter = filter.and(message -> message.from().equals(from));
        }
        // twilio-java sends "DateSent>" / "DateSent<"; curl users type "DateSent>=", whose "=" splits the same way.
        for (Map.Entry<String, String> entry : query.entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith("DateSent")) {
                continue;
            }
            TwilioDates.Range range = TwilioDates.filterRange(entry.getValue());
            String operator = name.substring("DateSent".length()).replace("=", "");
            Predicate<Instant> onDate;
            switch (operator) {
                case ">": onDate = sent -> !sent.isBefore(range.from()); break;
                case "<": onDate = sent -> sent.isBefore(range.untilExclusive()); break;
                case "": onDate = sent -> !sent.isBefore(range.from()) && sent.isBefore(range.untilExclusive()); break;
                default: throw new IllegalArgumentException("unknown DateSent filter '" + name + "'");
            }
            // Twilio filters on date_sent: a message not sent yet matches no DateSent filter.
            filter = filter.and(message -> message.dateSent() != null && onDate.test(message.dateSent()));
        }
        return filter;
    }

    private static String pageUri(String path, Map<String, String> query, int pageSize, int page, String afterSid) {
        Map<String, String> params = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (!List.of("PageSize", "Page", "PageToken").contains(name)) {
                params.put(name, value);
            }
        });
        params.put("PageSize", Integer.toString(pageSize));
        params.put("Page", Integer.toString(page));
        if (afterSid != null) {
            // Twilio's next links carry a PageToken; the simulator pages by number and ignores it.
            params.put("PageToken", "PA" + afterSid);
        }
        List<String> pairs = new ArrayList<>();
        params.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return path + "?" + String.join("&", pairs);
    }

    private static TwilioError notFound(String path) {
        return new TwilioError(20404, "The requested resource " + path + " was not found", 404);
    }
}
