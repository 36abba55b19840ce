package dev.deliverytracker.bootstrap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The service: the application's use cases wired to whichever adapters are on the class path. Each adapter
 * module brings itself in through its own auto-configuration; nothing here names one.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DeliveryTrackerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeliveryTrackerApplication.class, args);
    }
}
