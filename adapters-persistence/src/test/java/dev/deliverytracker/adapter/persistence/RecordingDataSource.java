package dev.deliverytracker.adapter.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A data source that remembers, while asked to, every prepared statement's SQL and the parameter
 * setter calls made on it, so the benchmark can EXPLAIN exactly the statements JdbcMessageQueries
 * ran, with the same values bound the same way.
 */
final class RecordingDataSource {

    /** One statement as it was run: its SQL text and the setXxx(index, value...) calls made on it. */
    record Recorded(String sql, List<Call> calls) {

        /** {@code EXPLAIN (options) <sql>} with the same parameters, one plan line per row. */
        List<String> explain(Connection connection, String options) throws SQLException {
            try (PreparedStatement explain = connection.prepareStatement("explain (" + options + ") " + sql)) {
                for (Call call : calls) {
                    call.replay(explain);
                }
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
                return lines;
            }
        }
    }

    record Call(Method method, Object[] args) {

        void replay(PreparedStatement statement) throws SQLException {
            try {
                method.invoke(statement, args);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private final DataSource target;
    private final List<Recorded> recorded = new ArrayList<>();
    private volatile boolean recording;

    RecordingDataSource(DataSource target) {
        this.target = target;
    }

    DataSource dataSource() {
        return proxy(DataSource.class, (self, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? connection(connection) : result;
        });
    }

    /** Runs {@code work} and answers the statements it prepared. */
    synchronized List<Recorded> record(Runnable work) {
        recorded.clear();
        recording = true;
        try {
            work.run();
        } finally {
            recording = false;
        }
        return List.copyOf(recorded);
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, (self, method, args) -> {
            Object result = invoke(connection, method, args);
            if (recording && result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
                List<Call> calls = new ArrayList<>();
                synchronized (this) {
                    recorded.add(new Recorded((String) args[0], calls));
                }
                return statement(statement, calls);
            }
            return result;
        });
    }

    private static PreparedStatement statement(PreparedStatement statement, List<Call> calls) {
        return proxy(PreparedStatement.class, (self, method, args) -> {
            if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                calls.add(new Call(method, args.clone()));
            }
            return invoke(statement, method, args);
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
