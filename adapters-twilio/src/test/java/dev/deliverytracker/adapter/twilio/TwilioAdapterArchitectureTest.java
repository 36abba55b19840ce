package dev.deliverytracker.adapter.twilio;

import dev.deliverytracker.architecture.AdapterArchitectureContract;

/** This module held to the rules an adapter of another repository holds itself to, in the same one line. */
class TwilioAdapterArchitectureTest extends AdapterArchitectureContract {

    TwilioAdapterArchitectureTest() {
        super("dev.deliverytracker.adapter.twilio");
    }
}
