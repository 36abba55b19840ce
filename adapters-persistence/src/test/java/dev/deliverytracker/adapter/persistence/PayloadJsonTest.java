package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadJsonTest {

    private static final Map<String, List<String>> WHATSAPP = new LinkedHashMap<>();

    static {
        WHATSAPP.put("MessageStatus", List.of("delivered"));
        WHATSAPP.put("To", List.of("whatsapp:+31612345678"));
        WHATSAPP.put("From", List.of("whatsapp:+14155238886"));
        WHATSAPP.put("ChannelToAddress", List.of("+31612345678"));
        WHATSAPP.put("Tag", List.of("a", "b"));
    }

    @Test
    void by_default_the_payload_is_kept_as_twilio_sent_it() {
        assertThat(PayloadJson.of(WHATSAPP)).isEqualTo("{\"MessageStatus\":\"delivered\",\"To\":\"whatsapp:+31612345678\","
                + "\"From\":\"whatsapp:+14155238886\",\"ChannelToAddress\":\"+31612345678\",\"Tag\":[\"a\",\"b\"]}");
        assertThat(PayloadJson.of(WHATSAPP, false)).isEqualTo(PayloadJson.of(WHATSAPP));
    }

    @Test
    void masked_phone_numbers_keep_their_prefix_country_code_and_last_two_digits() {
        String json = PayloadJson.of(WHATSAPP, true);

        assertThat(json).isEqualTo("{\"MessageStatus\":\"delivered\",\"To\":\"whatsapp:+31*******78\","
                + "\"From\":\"whatsapp:+14*******86\",\"ChannelToAddress\":\"+31*******78\",\"Tag\":[\"a\",\"b\"]}");
        assertThat(json).doesNotContain("612345678");
    }

    @Test
    void the_stored_json_reads_back_as_the_form_it_came_from_repeated_parameters_included() {
        assertThat(PayloadJson.form(PayloadJson.of(WHATSAPP))).containsExactlyEntriesOf(WHATSAPP);
        assertThat(PayloadJson.form(null)).isEmpty();
    }
}
