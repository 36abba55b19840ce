/**
 * The use cases of the delivery tracker ({@code port.in}), the ports they need ({@code port.out}) and
 * their implementations as plain classes ({@code service}). Depends on the domain and the JDK only;
 * {@code bootstrap} turns the services into beans.
 */
package dev.deliverytracker.application;
