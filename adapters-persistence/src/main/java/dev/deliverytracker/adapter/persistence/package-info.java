/**
 * PostgreSQL behind the application's store ports: Spring Data JPA and Hibernate for messages and
 * organizations, plain SQL through Spring's JDBC support on the hot path of the delivery log, Flyway
 * for the schema. Entities and mappers stay package-private. Depends on the application and domain.
 */
package dev.deliverytracker.adapter.persistence;
