package dev.deliverytracker.application.service;

import dev.deliverytracker.application.port.in.SendMessageCommand;
import dev.deliverytracker.domain.MessageContent;
import dev.deliverytracker.domain.Sender;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * A digest of everything a send request asks for, so a repeated idempotency key can be told apart:
 * the same request again, or a different request reusing the key.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(SendMessageCommand command) {
        StringBuilder canonical = new StringBuilder()
                .append("to=").append(command.to().toTwilio()).append('\n')
                .append("sender=").append(sender(command.sender())).append('\n');
        if (command.content() instanceof MessageContent.Text text) {
            canonical.append("body=").append(text.body()).append('\n');
        } else if (command.content() instanceof MessageContent.Template template) {
            canonical.append("template=").append(template.contentSid()).append('\n');
            new TreeMap<>(template.variables()).forEach((name, value) ->
                    canonical.append("var.").append(name).append('=').append(value).append('\n'));
        }
        new TreeMap<>(command.tags()).forEach((name, value) ->
                canonical.append("tag.").append(name).append('=').append(value).append('\n'));
        // Only when given, so the fingerprints of requests without one stay what they were.
        command.statusCallback().ifPresent(url -> canonical.append("statusCallback=").append(url).append('\n'));
        return sha256(canonical.toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    private static String sender(Sender sender) {
        if (sender instanceof Sender.Number number) {
            return number.address().toTwilio();
        }
        if (sender instanceof Sender.Service service) {
            return service.sid().value();
        }
        return "default";
    }
}
