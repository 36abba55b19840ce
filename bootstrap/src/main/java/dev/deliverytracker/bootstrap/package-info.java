/**
 * The Spring Boot application: configuration properties, wiring of the use cases and adapters, and
 * the embedded defaults (PostgreSQL, the Twilio simulator) that make a first run work offline. The
 * only module that knows every other; nothing imports it.
 */
package dev.deliverytracker.bootstrap;
