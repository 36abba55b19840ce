package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedMessageConverterTest {

    @Test
    void a_phone_number_keeps_only_its_last_four_digits() {
        assertThat(MaskedMessageConverter.mask("The 'To' number +31612345678 is not valid"))
                .isEqualTo("The 'To' number +*******5678 is not valid");
        assertThat(MaskedMessageConverter.mask("to=whatsapp:+14155550100 from=14155550199"))
                .isEqualTo("to=whatsapp:+*******0100 from=*******0199");
    }

    @Test
    void sids_ids_times_and_short_numbers_are_left_alone() {
        String line = "twilio accepted message id=1234567 account=AC0123456789abcdef0123456789abcdef "
                + "sid=SM12345678901234567890123456789012 at 2026-11-24T12:00:00Z port 8080 code=21610";
        assertThat(MaskedMessageConverter.mask(line)).isEqualTo(line);
    }
}
