package dev.deliverytracker.adapter.persistence.autoconfigure;

import dev.deliverytracker.adapter.persistence.PersistenceAdapterConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The PostgreSQL adapter joins any Spring Boot application that has it on its class path: every store
 * port, the repositories and entities, Flyway's migrations. After the data source, before Boot's own
 * JPA configuration, so the entities and repositories are this adapter's. Not switched by a property:
 * the stores are the service's only ones, and the migrations belong with them.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = {"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"})
@Import(PersistenceAdapterConfiguration.class)
public class PersistenceAutoConfiguration {
}
