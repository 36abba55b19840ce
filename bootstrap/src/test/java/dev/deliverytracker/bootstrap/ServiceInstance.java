package dev.deliverytracker.bootstrap;

import dev.deliverytracker.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One more instance of the whole service, started by a test beside its own, on a free port and the
 * shared test database, the way a second replica runs in production. The caller closes it.
 */
final class ServiceInstance {

    private ServiceInstance() {
    }

    /** Starts an instance with these settings ({@code --name=value}) on top of the database's. */
    static ConfigurableApplicationContext start(String... settings) {
        TestDatabase.Connection database = TestDatabase.connection();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password()));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(DeliveryTrackerApplication.class).run(arguments.toArray(new String[0]));
    }

    static int portOf(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
    }
}
