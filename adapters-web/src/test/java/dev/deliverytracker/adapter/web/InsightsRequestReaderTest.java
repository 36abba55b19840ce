package dev.deliverytracker.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deliverytracker.application.port.MessageCursor;
import dev.deliverytracker.application.port.MessageFilter;
import dev.deliverytracker.domain.Channel;
import dev.deliverytracker.domain.DeliveryStatus;
import dev.deliverytracker.domain.MessageId;
import dev.deliverytracker.domain.OrganizationId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsightsRequestReaderTest {

    private static final OrganizationId ORG = OrganizationId.of(3);

    @Test
    void a_cursor_survives_the_round_trip_to_the_nanosecond() {
        MessageCursor cursor = new MessageCursor(Instant.parse("2026-01-01T10:00:00.123456Z"), MessageId.of(42));

        assertThat(InsightsRequestReader.decode(InsightsRequestReader.encode(cursor))).isEqualTo(cursor);
    }

    @Test
    void filters_are_read_and_an_unencoded_plus_in_the_recipient_is_forgiven() {
        MessageFilter filter = InsightsRequestReader.of(Map.of("status", "undelivered", "channel", "sms",
                "to", " 31612345678", "tag", "campaign:spring:2026", "errorCode", "30003")).filter(ORG);

        assertThat(filter.status()).hasValue(DeliveryStatus.UNDELIVERED);
        assertThat(filter.channel()).hasValue(Channel.SMS);
        assertThat(filter.to().orElseThrow().e164()).isEqualTo("+31612345678");
        assertThat(filter.tag()).hasValue(new MessageFilter.Tag("campaign", "spring:2026"));
        assertThat(filter.errorCode()).hasValue(30003);
    }

    @Test
    void a_sid_is_read_as_a_prefix_and_anything_but_letters_and_digits_is_refused() {
        assertThat(InsightsRequestReader.of(Map.of("sid", "SM12ab")).filter(ORG).sidPrefix()).hasValue("SM12ab");

        InsightsRequestReader reader = InsightsRequestReader.of(Map.of("sid", "SM12%"));
        reader.filter(ORG);
        assertThatThrownBy(reader::done).isInstanceOfSatisfying(InvalidRequest.class, invalid ->
                assertThat(invalid.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("sid");
                    assertThat(error.message()).contains("1 to 34 letters and digits");
                }));
    }

    @Test
    void every_bad_parameter_is_named_at_once() {
        InsightsRequestReader reader = InsightsRequestReader.of(Map.of("status", "gone", "tag", "nocolon",
                "from", "2026-02-01T00:00:00Z", "until", "2026-01-01T00:00:00Z", "cursor", "%%%", "limit", "201"));
        reader.filter(ORG);
        reader.cursor();
        reader.limit(50);

        assertThatThrownBy(reader::done).isInstanceOfSatisfying(InvalidRequest.class, invalid ->
                assertThat(invalid.errors()).extracting(InvalidRequest.FieldError::field)
                        .containsExactlyInAnyOrder("status", "tag", "until", "cursor", "limit"));
    }
}
