package dev.deliverytracker.bootstrap;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log message with every phone number masked but its last four digits, whoever wrote the line:
 * our code never logs a number on purpose, but an exception text, Twilio's error message or a library
 * may carry one. Registered for {@code %m} in logback-spring.xml. A number is a run of 8 to 15 digits
 * (E.164), with or without {@code +}, not part of a longer word, so SIDs (hex) and ids are left alone.
 */
public class MaskedMessageConverter extends MessageConverter {

    private static final Pattern PHONE_NUMBER = Pattern.compile("(?<![\\w+])(\\+?)(\\d{4,11})(\\d{4})(?!\\w)");

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    static String mask(String text) {
        if (text == null || text.length() < 8) {
            return text;
        }
        Matcher matcher = PHONE_NUMBER.matcher(text);
        StringBuilder masked = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(
                    matcher.group(1) + "*".repeat(matcher.group(2).length()) + matcher.group(3)));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }
}
