package dev.deliverytracker.adapter.persistence;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The persistence adapter alone, on a real PostgreSQL, for its own tests. */
@SpringBootApplication
class PersistenceTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
