package dev.deliverytracker.adapter.persistence;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** Everything this adapter contributes, for the application to import as one piece. */
@Configuration(proxyBeanMethods = false)
// This module's test-jar sits on other modules' test classpaths: its test application and the
// configurations nested in its tests must never join the real application.
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Test(\\$.*)?")})
@EntityScan
@EnableJpaRepositories
public class PersistenceAdapterConfiguration {
}
