/**
 * The embedded PostgreSQL's data folder across crashes: who owns it, what to do with a server a
 * dead service left running, and the watchdog that stops such a server soon after its owner dies.
 * Plain Java and the JDK's process API; wired by {@code EmbeddedDatabaseConfiguration}.
 */
package dev.deliverytracker.bootstrap.embedded;
