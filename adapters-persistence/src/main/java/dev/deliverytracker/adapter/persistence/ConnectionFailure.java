package dev.deliverytracker.adapter.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Tells a database that is not there from a statement that failed on a database that is. */
final class ConnectionFailure {

    private ConnectionFailure() {
    }

    /**
     * Whether {@code failure} says the database could not be reached: no connection from the pool in
     * time, a refused or broken connection (SQLSTATE class 08), or a server shutting down or starting
     * up (57P01 to 57P03).
     */
    static boolean isOne(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException || cause instanceof CannotGetJdbcConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
