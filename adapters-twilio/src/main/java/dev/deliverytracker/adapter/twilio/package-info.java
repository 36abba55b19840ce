/**
 * Twilio through twilio-java: the message gateway and the callback signature verifier, behind ports
 * of the application. Depends on the application, the domain and twilio-java; never on another adapter.
 */
package dev.deliverytracker.adapter.twilio;
