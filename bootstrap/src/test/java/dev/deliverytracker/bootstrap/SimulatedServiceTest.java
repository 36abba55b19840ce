package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deliverytracker.simulator.TwilioSimulator;
import dev.deliverytracker.testsupport.TestDatabase;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the system tests through the running service share: the test database, the server's port and
 * the embedded simulator that plays Twilio. Each subclass says which settings its service runs with.
 */
abstract class SimulatedServiceTest {

    private static final Pattern ID = Pattern.compile("\"id\":\"(\\d+)\"");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected TwilioSimulator simulator;

    /** The message id in an API answer. */
    protected static String idOf(HttpResponse<String> response) {
        Matcher matcher = ID.matcher(response.body());
        assertThat(matcher.find()).as("an id in %s", response.body()).isTrue();
        return matcher.group(1);
    }
}
