package dev.deliverytracker.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ConnectionFailureTest {

    @Test
    void no_connection_from_the_pool_in_time_is_a_database_that_cannot_be_reached() {
        assertThat(ConnectionFailure.isOne(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("embedded - Connection is not available")))).isTrue();
    }

    @Test
    void a_refused_or_broken_connection_or_a_server_shutting_down_is_one() {
        assertThat(ConnectionFailure.isOne(new IllegalStateException(new SQLException("refused", "08001")))).isTrue();
        assertThat(ConnectionFailure.isOne(new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(ConnectionFailure.isOne(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void a_statement_the_database_refused_is_not_one() {
        assertThat(ConnectionFailure.isOne(new DataIntegrityViolationException("fk",
                new SQLException("violates foreign key constraint", "23503")))).isFalse();
        assertThat(ConnectionFailure.isOne(new IllegalStateException("bug"))).isFalse();
    }
}
