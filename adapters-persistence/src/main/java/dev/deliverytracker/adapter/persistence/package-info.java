/**
 * PostgreSQL behind the application's store ports, one persistence style per table (ADR 0031): plain
 * SQL through Spring's JDBC support for messages, the outbox and the delivery log (the hot paths,
 * whose decisions the application's {@code EventRecording} takes), Spring Data JPA with hand-written
 * or MapStruct mappers for the administrative aggregates (organizations, operators), Flyway for the
 * schema. Entities, rows and mappers stay package-private. Depends on the application and domain.
 */
package dev.deliverytracker.adapter.persistence;
