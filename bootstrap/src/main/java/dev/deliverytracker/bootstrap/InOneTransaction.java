package dev.deliverytracker.bootstrap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every call of an administrative use case in one database transaction, so the change and the
 * audit row that records it commit together or not at all (ADR 0082): an audit insert that fails rolls
 * the change back, a change that fails leaves no row. The use cases stay free of Spring; the adapters'
 * statements join the transaction this opens.
 */
final class InOneTransaction {

    private InOneTransaction() {
    }

    static <T> T around(Class<T> useCase, T target, PlatformTransactionManager transactionManager) {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        return useCase.cast(Proxy.newProxyInstance(useCase.getClassLoader(), new Class<?>[] {useCase},
                (proxy, method, arguments) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(target, arguments);
                    }
                    return transactions.execute(status -> {
                        try {
                            return method.invoke(target, arguments);
                        } catch (InvocationTargetException thrown) {
                            if (thrown.getCause() instanceof RuntimeException runtime) {
                                throw runtime;
                            }
                            if (thrown.getCause() instanceof Error error) {
                                throw error;
                            }
                            throw new IllegalStateException(thrown.getCause());
                        } catch (IllegalAccessException unreachable) {
                            throw new IllegalStateException(unreachable);
                        }
                    });
                }));
    }
}
