/**
 * An offline stand-in for Twilio's Messages API: the REST shapes twilio-java speaks, Twilio's
 * validation errors, and signed status callbacks with Twilio's retry rules, all configurable at
 * run time. Depends on the JDK, Jackson 2 and slf4j only, so it embeds in any process; start it
 * with {@link dev.deliverytracker.simulator.TwilioSimulator#start(SimulatorSettings)} or run
 * {@link dev.deliverytracker.simulator.Main}.
 */
package dev.deliverytracker.simulator;
