/**
 * The use cases of the delivery tracker ({@code port.in}), the ports they need ({@code port.out}), the
 * types both sides speak ({@code port}: outcomes, callbacks, read models; neither side imports the
 * other) and their implementations as plain classes ({@code service}; what an event means is decided
 * in {@code service.attribution}). Depends on the domain and the JDK only;
 * {@code bootstrap} turns the services into beans.
 */
package dev.deliverytracker.application;
