package dev.deliverytracker.adapter.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code application/x-www-form-urlencoded} body itself. The servlet's parameter map mixes
 * the query string into the form, but Twilio signs the URL (with its query) and the body parameters
 * separately, so the body must be read on its own, in order, with repeated names kept.
 */
final class FormBody {

    private FormBody() {
    }

    static final class TooLarge extends Exception {
        TooLarge(int limit) {
            super("body is larger than " + limit + " bytes");
        }
    }

    static Map<String, List<String>> read(InputStream in, int limit) throws IOException, TooLarge {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new TooLarge(limit);
        }
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    static Map<String, List<String>> parse(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        return form;
    }
}
