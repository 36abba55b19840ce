package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every locked job has its lock row from the start, so a first run cut short by an outage cannot lose it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobLockRowsSystemTest extends SimulatedServiceTest {

    @Autowired
    JobLockRows rows;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_lock_row_of_every_locked_job_exists_once_the_service_has_started() {
        assertThat(rows.lockNames()).contains("reconcile", "retention", "alerts");
        assertThat(jdbc.sql("select name from shedlock").query(String.class).list()).containsAll(rows.lockNames());
    }

    @Test
    void missing_rows_are_created_and_existing_ones_left_as_they_are() {
        jdbc.sql("delete from shedlock where name = 'retention'").update();
        rows.afterSingletonsInstantiated();
        rows.afterSingletonsInstantiated();
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'retention'").query(Long.class).single())
                .isEqualTo(1);
    }
}
