package dev.deliverytracker.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void a_forged_newline_and_other_control_characters_become_question_marks() {
        assertThat(LogSafe.text("sent\nERROR forged line\u0000\u001b[31m")).isEqualTo("sent?ERROR forged line??[31m");
    }

    @Test
    void characters_no_xml_or_json_reader_takes_become_question_marks() {
        assertThat(LogSafe.text("a\uD800b\uDC00c\uFFFEd\uFFFF")).isEqualTo("a?b?c?d?");
    }

    @Test
    void a_long_value_is_cut_between_characters_never_inside_one() {
        String emoji = "\uD83D\uDE00";
        String cut = LogSafe.text("x" + emoji.repeat(400));

        assertThat(cut).endsWith(emoji + "…").doesNotContain("?");
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(301);
    }

    @Test
    void ordinary_text_in_any_script_is_kept() {
        assertThat(LogSafe.text("délivré — 配達済み ✓")).isEqualTo("délivré — 配達済み ✓");
        assertThat(LogSafe.text(null)).isEqualTo("none");
    }
}
