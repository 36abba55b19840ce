package dev.deliverytracker.bootstrap;

import dev.deliverytracker.adapter.persistence.PersistenceAdapterConfiguration;
import dev.deliverytracker.adapter.web.WebAdapterConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import({PersistenceAdapterConfiguration.class, WebAdapterConfiguration.class})
public class DeliveryTrackerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeliveryTrackerApplication.class, args);
    }
}
