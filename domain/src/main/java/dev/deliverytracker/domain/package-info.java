/**
 * The delivery domain in plain Java: messages and their addresses, delivery statuses with their
 * precedence, the rule that decides a message's current status, and Twilio's error codes.
 *
 * <p>Depends on the JDK only; no framework annotations live here (an ArchUnit rule in bootstrap
 * keeps it so).
 */
package dev.deliverytracker.domain;
