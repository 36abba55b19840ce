package dev.deliverytracker.adapter.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.deliverytracker.application.fake.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class UnrecordedCallbacksTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger("unrecorded-callbacks-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T03:00:00Z"));
    private final UnrecordedCallbacks unrecorded = new UnrecordedCallbacks(logger, clock, Duration.ofSeconds(10));

    UnrecordedCallbacksTest() {
        lines.start();
        logger.addAppender(lines);
    }

    @Test
    void a_storm_of_refusals_is_one_line_at_once_and_then_one_per_period_with_the_count() {
        IllegalStateException down = new IllegalStateException("the database has not answered");
        for (int i = 0; i < 1000; i++) {
            unrecorded.refused(down);
        }
        assertThat(lines.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .asString().contains("answering 503").contains("the database has not answered");

        clock.advance(Duration.ofSeconds(10));
        unrecorded.refused(down);

        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(1).getFormattedMessage()).contains("999 more since the last line");
    }
}
