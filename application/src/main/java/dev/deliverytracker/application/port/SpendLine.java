package dev.deliverytracker.application.port;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * One group's spend in one currency.
 *
 * @param key              the channel, sender or tag value; empty for the total and for messages without the tag
 * @param currency         empty for messages the provider has not priced yet (then the amounts are zero)
 * @param messages         messages counted in this line
 * @param segments         their segments, as far as the provider told them
 * @param spent            what they cost
 * @param spentOnFailures  the part of {@code spent} that failed or undelivered messages cost
 */
public record SpendLine(Optional<String> key, Optional<Currency> currency, long messages, long segments, BigDecimal spent,
        BigDecimal spentOnFailures) {
}
