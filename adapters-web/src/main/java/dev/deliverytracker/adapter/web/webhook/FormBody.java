package dev.deliverytracker.adapter.web.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code application/x-www-form-urlencoded} body itself. The servlet's parameter map mixes
 * the query string into the form, but Twilio signs the URL (with its query) and the body parameters
 * separately, so the body must be read on its own, in order, with repeated names kept. Bytes that are
 * not UTF-8 (raw or percent-encoded) and the NUL character are refused rather than replaced: Twilio
 * sends neither, a replaced character could never verify, and PostgreSQL cannot store a NUL.
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
        return parse(utf8(bytes, "body"));
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
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            form.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        return form;
    }

    /** Percent-decoding ({@code +} is a space) into strict UTF-8. */
    static String decode(String encoded) {
        if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
            // Already checked as UTF-8 and free of NUL with the whole body: nothing to decode.
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
                        || Character.digit(encoded.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("'%' must be followed by two hex digits");
                }
                bytes.write(Character.digit(encoded.charAt(i + 1), 16) * 16 + Character.digit(encoded.charAt(i + 2), 16));
                i += 2;
            } else {
                int end = i + 1;
                while (end < encoded.length() && encoded.charAt(end) != '+' && encoded.charAt(end) != '%') {
                    end++;
                }
                byte[] raw = encoded.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
                i = end - 1;
            }
        }
        return utf8(bytes.toByteArray(), "a parameter");
    }

    private static String utf8(byte[] bytes, String what) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new IllegalArgumentException(what + " is not valid UTF-8");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " contains a NUL character");
        }
        return text;
    }
}
