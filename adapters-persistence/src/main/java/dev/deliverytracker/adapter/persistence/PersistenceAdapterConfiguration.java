package dev.deliverytracker.adapter.persistence;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Everything this adapter contributes, as one piece; {@code autoconfigure.PersistenceAutoConfiguration}
 * imports it into any application that has this module on its class path.
 */
@Configuration(proxyBeanMethods = false)
// This module's test-jar sits on other modules' test classpaths: its test application and the
// configurations nested in its tests must never join the real application.
// The auto-configuration below this package imports this class; it is not scanned as a component.
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(SpringBootConfiguration.class),
        @ComponentScan.Filter(AutoConfiguration.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Test(\\$.*)?")})
@EntityScan
@EnableJpaRepositories
public class PersistenceAdapterConfiguration {
}
