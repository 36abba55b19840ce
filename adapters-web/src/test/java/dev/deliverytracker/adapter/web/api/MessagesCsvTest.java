package dev.deliverytracker.adapter.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MessagesCsvTest {

    @Test
    void csv_fields_are_quoted_only_when_they_must_be_and_quotes_are_doubled() {
        assertThat(MessagesCsv.quoted("plain")).isEqualTo("plain");
        assertThat(MessagesCsv.quoted("a,b")).isEqualTo("\"a,b\"");
        assertThat(MessagesCsv.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(MessagesCsv.quoted("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        StringWriter out = new StringWriter();
        new MessagesCsv(out).header();
        assertThat(out.toString()).startsWith("id,created_at,channel,").endsWith(",tags\r\n");
    }
}
