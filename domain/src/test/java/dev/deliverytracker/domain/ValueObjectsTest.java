package dev.deliverytracker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ValueObjectsTest {

    private static final String HEX32 = "0123456789abcdef0123456789abcdef";

    @Test
    void message_sids_are_sm_or_mm_and_32_lowercase_hex() {
        assertThat(MessageSid.of("SM" + HEX32).value()).startsWith("SM");
        assertThat(MessageSid.of("MM" + HEX32).value()).startsWith("MM");
        assertThatIllegalArgumentException().isThrownBy(() -> MessageSid.of("SM" + HEX32.toUpperCase()))
                .withMessageStartingWith("message SID must be a Twilio message SID");
        assertThatIllegalArgumentException().isThrownBy(() -> MessageSid.of("AC" + HEX32))
                .withMessageContaining("'AC0123");
        assertThatIllegalArgumentException().isThrownBy(() -> MessageSid.of("SM123"));
        assertThatIllegalArgumentException().isThrownBy(() -> MessageSid.of(null)).withMessageEndingWith("was nothing");
    }

    @Test
    void other_sids_check_their_own_prefix() {
        assertThat(AccountSid.of("AC" + HEX32)).isNotNull();
        assertThat(MessagingServiceSid.of("MG" + HEX32)).isNotNull();
        assertThat(ContentSid.of("HX" + HEX32)).isNotNull();
        assertThatIllegalArgumentException().isThrownBy(() -> AccountSid.of("SM" + HEX32))
                .withMessageStartingWith("account SID must be");
        assertThatIllegalArgumentException().isThrownBy(() -> MessagingServiceSid.of("AC" + HEX32))
                .withMessageStartingWith("messaging service SID must be");
        assertThatIllegalArgumentException().isThrownBy(() -> ContentSid.of("HX12"))
                .withMessageStartingWith("content SID must be");
    }

    @Test
    void a_rejected_value_is_shown_shortened_and_without_control_characters() {
        assertThatIllegalArgumentException().isThrownBy(() -> MessageSid.of("x\n".repeat(100)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(160));
    }

    @Test
    void ids_are_positive() {
        assertThatIllegalArgumentException().isThrownBy(() -> OrganizationId.of(0))
                .withMessage("organization id must be a positive number, was 0");
        assertThatIllegalArgumentException().isThrownBy(() -> MessageId.of(-4))
                .withMessage("message id must be a positive number, was -4");
        assertThat(MessageId.parse("42")).isEqualTo(MessageId.of(42));
        assertThatIllegalArgumentException().isThrownBy(() -> MessageId.parse("42abc"))
                .withMessage("message id must be a positive whole number, was '42abc'");
    }

    @Test
    void addresses_are_e164_and_whatsapp_carries_its_prefix() {
        Address whatsapp = Address.parseTwilio("whatsapp:+14155550100");
        assertThat(whatsapp.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(whatsapp.e164()).isEqualTo("+14155550100");
        assertThat(whatsapp.toTwilio()).isEqualTo("whatsapp:+14155550100");
        assertThat(Address.parseTwilio("+14155550100").channel()).isEqualTo(Channel.SMS);
        assertThat(Address.parseFor(Channel.WHATSAPP, "+14155550100")).isEqualTo(whatsapp);
    }

    @Test
    void a_bad_number_is_refused_without_showing_it_in_full() {
        assertThatIllegalArgumentException().isThrownBy(() -> Address.sms("0612345678"))
                .withMessageContaining("E.164").withMessageContaining("'061*****78'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("0612345678"));
        assertThatIllegalArgumentException().isThrownBy(() -> Address.parseFor(Channel.SMS, "whatsapp:+14155550100"))
                .withMessageContaining("is a whatsapp address, but the channel is sms");
    }

    @Test
    void an_address_prints_masked() {
        assertThat(Address.sms("+14155550100").toString()).isEqualTo("+14*******00");
        assertThat(Address.whatsapp("+14155550100").toString()).isEqualTo("whatsapp:+14*******00");
    }

    @Test
    void channels_parse_their_wire_names() {
        assertThat(Channel.parse("WhatsApp")).isEqualTo(Channel.WHATSAPP);
        assertThatIllegalArgumentException().isThrownBy(() -> Channel.parse("pigeon"))
                .withMessage("channel must be one of 'sms' or 'whatsapp', was 'pigeon'");
    }

    @Test
    void bodies_are_bounded_as_twilio_bounds_them() {
        assertThat(new MessageContent.Text("x".repeat(1600)).body()).hasSize(1600);
        assertThatIllegalArgumentException().isThrownBy(() -> new MessageContent.Text("x".repeat(1601)))
                .withMessage("body must be at most 1600 characters, was 1601");
        assertThatIllegalArgumentException().isThrownBy(() -> new MessageContent.Text(" "))
                .withMessage("body must not be empty");
    }

    @Test
    void error_codes_parse_from_twilio_parameters() {
        assertThat(DeliveryError.parse(null, null)).isEqualTo(DeliveryError.NONE);
        assertThat(DeliveryError.parse("", null)).isEqualTo(DeliveryError.NONE);
        assertThat(DeliveryError.parse("30003", "Unreachable").code()).isEqualTo(30003);
        assertThatIllegalArgumentException().isThrownBy(() -> DeliveryError.parse("thirty", null))
                .withMessage("ErrorCode must be a number, was 'thirty'");
    }

    @Test
    void text_no_message_can_carry_is_refused_naming_the_field() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MessageContent.Text("nul \0 inside"))
                .hasMessage("body must not contain the NUL character (U+0000), found at position 4");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MessageContent.Text("half \ud800 pair"))
                .hasMessage("body must be valid Unicode: a lone surrogate (U+D800) at position 5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MessageContent.Template(
                ContentSid.of("HX0123456789abcdef0123456789abcdef"), java.util.Map.of("1", "a\0b")))
                .hasMessageStartingWith("template variable 1 must not contain the NUL character");
        org.assertj.core.api.Assertions.assertThat(new MessageContent.Text("emoji \ud83d\ude00 fine").body())
                .contains("\ud83d\ude00");
    }
}
