package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class PlatformDatabaseUrlTest {

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("spring.datasource.username", "postgres").withProperty("spring.datasource.password", "postgres");

    @Test
    void a_platform_url_becomes_a_jdbc_url_with_its_user_and_password() {
        environment.setProperty("spring.datasource.url",
                "postgresql://tracker:s3cr%40t@dpg-abc123-a:5432/tracker_db?sslmode=require");
        new PlatformDatabaseUrl().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://dpg-abc123-a:5432/tracker_db?sslmode=require");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("tracker");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("s3cr@t");
    }

    @Test
    void heroku_style_postgres_without_port_or_user_keeps_the_configured_credentials() {
        environment.setProperty("spring.datasource.url", "postgres://db.internal/tracker");
        new PlatformDatabaseUrl().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.internal/tracker");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("postgres");
    }

    @Test
    void a_jdbc_url_and_an_empty_one_are_left_alone() {
        environment.setProperty("spring.datasource.url", "jdbc:postgresql://db:5432/tracker");
        new PlatformDatabaseUrl().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/tracker");
        environment.setProperty("spring.datasource.url", "");
        new PlatformDatabaseUrl().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.url")).isEmpty();
    }

    @Test
    void a_platform_url_without_a_database_names_the_setting() {
        environment.setProperty("spring.datasource.url", "postgresql://tracker:pw@db:5432/");
        assertThatThrownBy(() -> new PlatformDatabaseUrl().postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("DATABASE_URL (spring.datasource.url) must name a host and a database");
    }
}
