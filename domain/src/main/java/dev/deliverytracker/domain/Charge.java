package dev.deliverytracker.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * What the provider charged for one message, in the currency it bills in. Twilio shows a charge as a
 * negative decimal string ({@code "-0.00790"}); here it is the positive amount spent, so that sums of
 * spend read the way people say them.
 *
 * @param amount   zero or more; a message that never left the provider costs nothing
 * @param currency the ISO 4217 currency of {@code amount}
 */
public record Charge(BigDecimal amount, Currency currency) {

    public Charge {
        Objects.requireNonNull(amount, "a charge needs an amount");
        Objects.requireNonNull(currency, "a charge needs a currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a charge is the amount spent, zero or more, was " + amount);
        }
    }

    /**
     * Reads the provider's price as it is written on a message resource.
     *
     * @param price a decimal string, negative for money spent ({@code "-0.00790"}); a positive one is
     *              refused, since the provider never pays us
     * @param unit  an ISO 4217 code such as {@code USD}
     * @throws IllegalArgumentException when either is not what the provider writes
     */
    public static Charge fromProvider(String price, String unit) {
        if (price == null || price.isBlank()) {
            throw new IllegalArgumentException("a provider price needs a value");
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("a provider price needs a unit");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(price.trim());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("a provider price is a decimal number, was '" + price + "'");
        }
        if (value.signum() > 0) {
            throw new IllegalArgumentException("a provider price is money spent, zero or negative, was " + price);
        }
        Currency currency;
        try {
            currency = Currency.getInstance(unit.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("a provider price unit is an ISO 4217 currency code, was '" + unit + "'");
        }
        return new Charge(value.negate(), currency);
    }
}
