package dev.deliverytracker.adapter.web;

import dev.deliverytracker.architecture.AdapterArchitectureContract;

/** This module held to the rules an adapter of another repository holds itself to, in the same one line. */
class WebAdapterArchitectureTest extends AdapterArchitectureContract {

    WebAdapterArchitectureTest() {
        super("dev.deliverytracker.adapter.web");
    }
}
