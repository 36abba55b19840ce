package dev.deliverytracker.adapter.persistence;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** Everything this adapter contributes, for the application to import as one piece. */
@Configuration(proxyBeanMethods = false)
// A test application of this module (in its test-jar) must never join the real one.
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
@EntityScan
@EnableJpaRepositories
public class PersistenceAdapterConfiguration {
}
