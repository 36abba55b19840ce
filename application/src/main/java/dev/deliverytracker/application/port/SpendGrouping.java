package dev.deliverytracker.application.port;

import java.util.regex.Pattern;

/** How lines are split. A closed set. */
public sealed interface SpendGrouping {

    /** One line per currency for everything. */
    record Total() implements SpendGrouping {
    }

    record ByChannel() implements SpendGrouping {
    }

    /** By the Messaging Service or From number the message was sent from ({@code default} for the organization's). */
    record BySender() implements SpendGrouping {
    }

    /** By the value of one tag, such as {@code campaign}; messages without it are under no key. */
    record ByTag(String key) implements SpendGrouping {

        private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

        public ByTag {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("a tag key is 1 to 64 letters, digits, '_', '.' or '-', was '"
                        + key + "'");
            }
        }
    }
}
