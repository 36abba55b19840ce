package dev.deliverytracker.benchmark;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The messages the benchmark seeds and the status callbacks Twilio would post for them, signed in
 * advance so that signing costs nothing during the timed phase.
 *
 * <p>Per message: SMS {@code sent, delivered}, WhatsApp {@code sent, delivered, read}; about 5% end
 * in {@code undelivered} with ErrorCode 30003 instead. 10% of the messages get their sequence out of
 * order, 10% of the callbacks are sent twice, and about 1% more callbacks name SIDs no message has
 * (another application's messages). Message i's j-th callback is placed around position {@code i + j*window} of
 * the stream, so a message's callbacks are far apart (thousands of requests) and arrive in the
 * intended order even with many concurrent workers, while the stream as a whole mixes first, second
 * and third callbacks of different messages the way a live campaign does. With adoption on (the
 * default), the service adopts each unknown SID as a message of origin external.
 */
final class CallbackPlan {

    static final String SIMULATOR_ACCOUNT = "AC00000000000000000000000000000000";
    static final String SIMULATOR_TOKEN = "51mu1a70r0000000000000000000000a";
    static final String FROM = "+15005550006";
    static final String WHATSAPP_FROM = "+14155238886";

    /** Twilio status precedence (docs/status-rule.md). */
    static final Map<String, Integer> PRECEDENCE = Map.of("accepted", 10, "queued", 20, "sending", 30, "sent", 40,
            "failed", 50, "undelivered", 51, "delivered", 60, "read", 70);

    /** One seeded message. */
    record Seeded(long id, String sid, boolean whatsapp, String to) {
    }

    /** One callback request, signed. {@code message} is -1 for an unmatched SID. */
    record Callback(int message, String sid, String status, int errorCode, byte[] body, String signature) {
        String dedupeKey() {
            return sid + ":" + status + ":" + errorCode;
        }
    }

    final long orgId;
    final List<Seeded> messages;
    final List<Callback> callbacks;
    final int duplicates;
    final int outOfOrderMessages;
    final int unmatched;
    final int failing;

    private CallbackPlan(long orgId, List<Seeded> messages, List<Callback> callbacks, int duplicates,
            int outOfOrderMessages, int unmatched, int failing) {
        this.orgId = orgId;
        this.messages = messages;
        this.callbacks = callbacks;
        this.duplicates = duplicates;
        this.outOfOrderMessages = outOfOrderMessages;
        this.unmatched = unmatched;
        this.failing = failing;
    }

    static String randomSid(String prefix) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return prefix + String.format("%016x%016x", r.nextLong(), r.nextLong());
    }

    static long organizationOf(Connection db, String accountSid) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("select org_id from organizations where twilio_account_sid = ?")) {
            st.setString(1, accountSid);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no organization with twilio_account_sid " + accountSid
                            + " (the service creates 'default' with the simulator's account at start)");
                }
                return rs.getLong(1);
            }
        }
    }

    /** Inserts {@code count} messages in status queued, in batches of 5,000 rows (one statement each). */
    static List<Seeded> seed(Connection db, long orgId, int count, Random random) throws SQLException {
        List<Seeded> seeded = new ArrayList<>(count);
        String sql = """
                insert into messages (org_id, direction, channel, to_address, from_address, body, whatsapp_msg_sid,
                    status, created_at, queued_at, updated_at)
                select ?, 'outgoing', t.channel, t.to_address, ?, t.body, t.sid, 'queued', now(), now(), now()
                from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as t(channel, to_address, body, sid)
                returning message_id, whatsapp_msg_sid, channel, to_address
                """;
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int from = 0; from < count; from += 5000) {
                int n = Math.min(5000, count - from);
                String[] channels = new String[n];
                String[] tos = new String[n];
                String[] bodies = new String[n];
                String[] sids = new String[n];
                for (int k = 0; k < n; k++) {
                    int i = from + k;
                    channels[k] = i % 2 == 0 ? "sms" : "whatsapp";
                    tos[k] = String.format("+316%08d", random.nextInt(100_000_000));
                    bodies[k] = "Benchmark message " + i + ": your parcel arrives today between 10:00 and 12:00";
                    sids[k] = randomSid("SM");
                }
                st.setLong(1, orgId);
                st.setString(2, FROM);
                st.setArray(3, db.createArrayOf("text", channels));
                st.setArray(4, db.createArrayOf("text", tos));
                st.setArray(5, db.createArrayOf("text", bodies));
                st.setArray(6, db.createArrayOf("text", sids));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        seeded.add(new Seeded(rs.getLong(1), rs.getString(2), "whatsapp".equals(rs.getString(3)),
                                rs.getString(4)));
                    }
                }
                db.commit();
            }
        } finally {
            db.setAutoCommit(autoCommit);
        }
        return seeded;
    }

    private record Placed(double key, Callback callback) {
    }

    static CallbackPlan build(long orgId, List<Seeded> messages, String url, int concurrency, Random random) {
        return build(orgId, messages, true, url, concurrency, random);
    }

    /**
     * Callbacks for {@code count} messages that another application sent on the same account: SIDs the
     * service has never seen, in the same mix of sequences, duplicates and disorder, without the extra
     * unmatched SIDs. With adoption on (the default) each SID becomes one message of origin external.
     */
    static CallbackPlan unknown(long orgId, int count, String url, int concurrency, Random random) {
        List<Seeded> virtual = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            virtual.add(new Seeded(-1, randomSid("SM"), i % 2 == 1, String.format("+317%08d", random.nextInt(100_000_000))));
        }
        return build(orgId, virtual, false, url, concurrency, random);
    }

    private static CallbackPlan build(long orgId, List<Seeded> messages, boolean known, String url, int concurrency,
            Random random) {
        TwilioSignature signature = new TwilioSignature(SIMULATOR_TOKEN);
        int window = Math.max(1, Math.min(messages.size(), Math.max(1000, 20 * concurrency)));
        List<Placed> placed = new ArrayList<>(messages.size() * 3);
        int duplicates = 0;
        int outOfOrder = 0;
        int failing = 0;
        for (int i = 0; i < messages.size(); i++) {
            Seeded m = messages.get(i);
            boolean fails = random.nextDouble() < 0.05;
            failing += fails ? 1 : 0;
            List<String> sequence = new ArrayList<>(fails ? List.of("sent", "undelivered")
                    : m.whatsapp() ? List.of("sent", "delivered", "read") : List.of("sent", "delivered"));
            if (random.nextDouble() < 0.10) {
                outOfOrder++;
                List<String> original = List.copyOf(sequence);
                while (sequence.equals(original)) {
                    Collections.shuffle(sequence, random);
                }
            }
            for (int j = 0; j < sequence.size(); j++) {
                String status = sequence.get(j);
                Callback callback = callback(signature, url, known ? i : -1, m.sid(), status, "undelivered".equals(status) ? 30003 : 0,
                        m.whatsapp(), m.to(), random);
                double key = i + (double) j * window + random.nextDouble();
                placed.add(new Placed(key, callback));
                if (random.nextDouble() < 0.10) {
                    duplicates++;
                    placed.add(new Placed(key + 1 + random.nextDouble() * window, callback));
                }
            }
        }
        int unmatched = known ? Math.max(1, (int) Math.round(placed.size() * 0.01)) : 0;
        double span = messages.size() + 3.0 * window;
        for (int u = 0; u < unmatched; u++) {
            boolean whatsapp = random.nextBoolean();
            String to = String.format("+316%08d", random.nextInt(100_000_000));
            String status = random.nextBoolean() ? "sent" : "delivered";
            placed.add(new Placed(random.nextDouble() * span,
                    callback(signature, url, -1, randomSid("SM"), status, 0, whatsapp, to, random)));
        }
        placed.sort((a, b) -> Double.compare(a.key(), b.key()));
        List<Callback> callbacks = new ArrayList<>(placed.size());
        for (Placed p : placed) {
            callbacks.add(p.callback());
        }
        return new CallbackPlan(orgId, known ? messages : List.of(), callbacks, duplicates, outOfOrder,
                known ? unmatched : messages.size(), failing);
    }

    private static Callback callback(TwilioSignature signature, String url, int message, String sid, String status,
            int errorCode, boolean whatsapp, String to, Random random) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (whatsapp) {
            params.put("ChannelPrefix", List.of("whatsapp"));
            params.put("ChannelInstallSid", List.of("XE" + String.format("%016x%016x", random.nextLong(), random.nextLong())));
            params.put("ChannelToAddress", List.of(to));
        }
        params.put("SmsSid", List.of(sid));
        params.put("SmsStatus", List.of(status));
        params.put("MessageStatus", List.of(status));
        if (whatsapp && "read".equals(status)) {
            params.put("EventType", List.of("READ"));
        }
        if (errorCode != 0) {
            params.put("ErrorCode", List.of(Integer.toString(errorCode)));
        }
        params.put("To", List.of(whatsapp ? "whatsapp:" + to : to));
        params.put("MessageSid", List.of(sid));
        params.put("AccountSid", List.of(SIMULATOR_ACCOUNT));
        params.put("From", List.of(whatsapp ? "whatsapp:" + WHATSAPP_FROM : FROM));
        if (!whatsapp && ("delivered".equals(status) || "undelivered".equals(status))) {
            params.put("RawDlrDoneDate", List.of("2605121030"));
        }
        params.put("ApiVersion", List.of("2010-04-01"));
        StringBuilder body = new StringBuilder();
        params.forEach((name, values) -> values.forEach(value -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }));
        return new Callback(message, sid, status, errorCode, body.toString().getBytes(StandardCharsets.UTF_8),
                signature.sign(url, params));
    }

    @Override
    public String toString() {
        return messages.size() + " messages, " + callbacks.size() + " callbacks (" + duplicates + " duplicates, "
                + outOfOrderMessages + " messages out of order, " + failing + " undelivered, " + unmatched
                + " unmatched)";
    }
}
