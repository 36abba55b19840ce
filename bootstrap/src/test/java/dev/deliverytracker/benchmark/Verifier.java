package dev.deliverytracker.benchmark;

import dev.deliverytracker.benchmark.CallbackPlan.Callback;
import dev.deliverytracker.benchmark.CallbackPlan.Seeded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the database against what the service answered:
 * <ul>
 * <li>every event (dedupe key {@code sid:status:errorCode}) answered 200 at least once is in
 * message_delivery_log exactly once, attached to its message; an event for a SID the service did not
 * know is attached to the one message of origin external adopted for that SID (or unattached where
 * the organization keeps such events unmatched);</li>
 * <li>every seeded and every adopted message's status is the highest precedence among the statuses
 * sent to it and acknowledged with 200. A higher status is accepted only when an event that was not acknowledged
 * (no answer in time, or an error) is nonetheless stored and explains it; it is counted apart.</li>
 * </ul>
 */
final class Verifier {

    record Result(int distinctEventsAcked, int ackedAndStored, int lost, int storedMoreThanOnce, int misattached,
            int notAckedButStored, int notAckedNotStored, int notSent, int messagesChecked, int statusMismatches,
            int statusExplainedByUnackedEvent, List<String> firstMismatches) {

        boolean pass() {
            return distinctEventsAcked > 0 && lost == 0 && storedMoreThanOnce == 0 && misattached == 0
                    && statusMismatches == 0;
        }
    }

    private record Stored(Long messageId, int count) {
    }

    static Result verify(Connection db, CallbackPlan plan, int[] status, int started) throws SQLException {
        // What each distinct event got: acked (any copy answered 200), sent at all.
        Map<String, Callback> events = new LinkedHashMap<>();
        Set<String> acked = new HashSet<>();
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < plan.callbacks.size(); i++) {
            Callback c = plan.callbacks.get(i);
            String key = c.dedupeKey();
            events.putIfAbsent(key, c);
            if (i < started) {
                sent.add(key);
            }
            if (i < started && status[i] == 200) {
                acked.add(key);
            }
        }

        Map<String, Stored> stored = new HashMap<>();
        List<String> keys = new ArrayList<>(events.keySet());
        try (PreparedStatement st = db.prepareStatement("""
                select dedupe_key, min(message_id), count(*) from message_delivery_log
                where dedupe_key = any(?) group by dedupe_key
                """)) {
            for (int from = 0; from < keys.size(); from += 20_000) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 20_000));
                st.setArray(1, db.createArrayOf("text", chunk.toArray(new String[0])));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1);
                        long id = rs.getLong(2);
                        Long messageId = rs.wasNull() ? null : id;
                        stored.put(key, new Stored(messageId, rs.getInt(3)));
                    }
                }
            }
        }

        Map<String, Adopted> adopted = adopted(db, events.values());

        int ackedAndStored = 0;
        int lost = 0;
        int twice = 0;
        int misattached = 0;
        int notAckedButStored = 0;
        int notAckedNotStored = 0;
        int notSent = 0;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Callback> e : events.entrySet()) {
            String key = e.getKey();
            Callback c = e.getValue();
            Stored s = stored.get(key);
            if (s != null && s.count() > 1) {
                twice++;
                note(problems, "stored " + s.count() + " times: " + key);
            }
            if (s != null) {
                Long expected = c.message() >= 0 ? plan.messages.get(c.message()).id()
                        : adopted.containsKey(c.sid()) ? adopted.get(c.sid()).id() : null;
                if (expected == null ? s.messageId() != null : !expected.equals(s.messageId())) {
                    misattached++;
                    note(problems, "attached to message " + s.messageId() + " instead of " + expected + ": " + key);
                }
            }
            if (acked.contains(key)) {
                if (s == null) {
                    lost++;
                    note(problems, "answered 200 but not stored: " + key);
                } else {
                    ackedAndStored++;
                }
            } else if (!sent.contains(key)) {
                notSent++;
            } else if (s != null) {
                notAckedButStored++;
            } else {
                notAckedNotStored++;
            }
        }

        // Expected status of each seeded message.
        int[] expected = new int[plan.messages.size()];
        int[] possible = new int[plan.messages.size()];
        java.util.Arrays.fill(expected, CallbackPlan.PRECEDENCE.get("queued"));
        java.util.Arrays.fill(possible, CallbackPlan.PRECEDENCE.get("queued"));
        for (Map.Entry<String, Callback> e : events.entrySet()) {
            Callback c = e.getValue();
            if (c.message() < 0) {
                continue;
            }
            int p = CallbackPlan.PRECEDENCE.get(c.status());
            if (acked.contains(e.getKey())) {
                expected[c.message()] = Math.max(expected[c.message()], p);
            }
            if (acked.contains(e.getKey()) || stored.containsKey(e.getKey())) {
                possible[c.message()] = Math.max(possible[c.message()], p);
            }
        }
        Map<Long, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < plan.messages.size(); i++) {
            indexOf.put(plan.messages.get(i).id(), i);
        }
        int checked = 0;
        int mismatches = 0;
        int explained = 0;
        try (PreparedStatement st = db.prepareStatement("select message_id, status from messages where message_id = any(?)")) {
            List<Seeded> all = plan.messages;
            for (int from = 0; from < all.size(); from += 20_000) {
                List<Seeded> chunk = all.subList(from, Math.min(all.size(), from + 20_000));
                st.setArray(1, db.createArrayOf("bigint", chunk.stream().map(Seeded::id).toArray(Long[]::new)));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        int i = indexOf.get(rs.getLong(1));
                        String actual = rs.getString(2);
                        Integer p = CallbackPlan.PRECEDENCE.get(actual);
                        checked++;
                        if (p != null && p == expected[i]) {
                            continue;
                        }
                        if (p != null && p == possible[i]) {
                            explained++;
                            continue;
                        }
                        mismatches++;
                        note(problems, "message " + rs.getLong(1) + " (" + all.get(i).sid() + ") is '" + actual
                                + "', expected '" + nameOf(expected[i]) + "'");
                    }
                }
            }
        }
        // The adopted messages: one per unknown SID, origin external, in the highest status acknowledged.
        Map<String, Integer> expectedBySid = new HashMap<>();
        Map<String, Integer> possibleBySid = new HashMap<>();
        for (Map.Entry<String, Callback> e : events.entrySet()) {
            Callback c = e.getValue();
            if (c.message() >= 0) {
                continue;
            }
            int p = CallbackPlan.PRECEDENCE.get(c.status());
            if (acked.contains(e.getKey())) {
                expectedBySid.merge(c.sid(), p, Math::max);
            }
            if (acked.contains(e.getKey()) || stored.containsKey(e.getKey())) {
                possibleBySid.merge(c.sid(), p, Math::max);
            }
        }
        int adoptedChecked = 0;
        for (Map.Entry<String, Integer> e : expectedBySid.entrySet()) {
            Adopted message = adopted.get(e.getKey());
            if (message == null) {
                continue;
            }
            adoptedChecked++;
            Integer p = CallbackPlan.PRECEDENCE.get(message.status());
            if (!"external".equals(message.origin()) || message.count() != 1) {
                mismatches++;
                note(problems, message.count() + " message(s) of origin '" + message.origin() + "' for unknown SID "
                        + e.getKey());
            } else if (p != null && p.equals(e.getValue())) {
                continue;
            } else if (p != null && p.equals(possibleBySid.get(e.getKey()))) {
                explained++;
            } else {
                mismatches++;
                note(problems, "adopted message " + message.id() + " (" + e.getKey() + ") is '" + message.status()
                        + "', expected '" + nameOf(e.getValue()) + "'");
            }
        }
        return new Result(acked.size(), ackedAndStored, lost, twice, misattached, notAckedButStored, notAckedNotStored,
                notSent, checked + adoptedChecked, mismatches + (plan.messages.size() - checked), explained, problems);
    }

    private record Adopted(long id, String status, String origin, int count) {
    }

    /** The messages now holding the unknown SIDs of these callbacks, by SID. */
    private static Map<String, Adopted> adopted(Connection db, java.util.Collection<Callback> callbacks)
            throws SQLException {
        List<String> sids = callbacks.stream().filter(c -> c.message() < 0).map(Callback::sid).distinct().toList();
        Map<String, Adopted> found = new HashMap<>();
        try (PreparedStatement st = db.prepareStatement("""
                select whatsapp_msg_sid, min(message_id), min(status), min(origin), count(*) from messages
                where whatsapp_msg_sid = any(?) group by whatsapp_msg_sid
                """)) {
            for (int from = 0; from < sids.size(); from += 20_000) {
                List<String> chunk = sids.subList(from, Math.min(sids.size(), from + 20_000));
                st.setArray(1, db.createArrayOf("text", chunk.toArray(new String[0])));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), new Adopted(rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getInt(5)));
                    }
                }
            }
        }
        return found;
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < 10) {
            problems.add(problem);
        }
    }

    static String nameOf(int precedence) {
        return CallbackPlan.PRECEDENCE.entrySet().stream().filter(e -> e.getValue() == precedence)
                .map(Map.Entry::getKey).findFirst().orElse("?" + precedence);
    }
}
