package dev.deliverytracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.testsupport.TestDatabase.Source;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    @Test
    void a_url_from_the_environment_wins_over_everything() {
        assertThat(TestDatabase.chooseSource("jdbc:postgresql://db/test", () -> true)).isEqualTo(Source.ENVIRONMENT);
    }

    @Test
    void testcontainers_is_chosen_where_a_docker_engine_answers() {
        assertThat(TestDatabase.chooseSource(null, () -> true)).isEqualTo(Source.TESTCONTAINERS);
    }

    @Test
    void embedded_binaries_are_the_fallback_without_docker() {
        assertThat(TestDatabase.chooseSource("", () -> false)).isEqualTo(Source.EMBEDDED);
    }
}
