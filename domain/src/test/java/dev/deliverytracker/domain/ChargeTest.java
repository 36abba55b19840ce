package dev.deliverytracker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ChargeTest {

    @Test
    void aProviderPriceIsMoneySpentAndReadsAsAPositiveAmount() {
        Charge charge = Charge.fromProvider("-0.00790", "usd");

        assertThat(charge.amount()).isEqualByComparingTo("0.00790");
        assertThat(charge.currency()).isEqualTo(Currency.getInstance("USD"));
    }

    @Test
    void aMessageThatNeverLeftCostsNothing() {
        assertThat(Charge.fromProvider("0.00000", "EUR").amount()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void whatTheProviderNeverWritesIsRefusedWithWhatWasWrong() {
        assertThatThrownBy(() -> Charge.fromProvider("0.10", "USD")).hasMessageContaining("zero or negative");
        assertThatThrownBy(() -> Charge.fromProvider("ten", "USD")).hasMessageContaining("decimal number");
        assertThatThrownBy(() -> Charge.fromProvider("-0.1", "dollars")).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> Charge.fromProvider(null, "USD")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> new Charge(new BigDecimal("-1"), Currency.getInstance("USD")))
                .hasMessageContaining("zero or more");
    }
}
