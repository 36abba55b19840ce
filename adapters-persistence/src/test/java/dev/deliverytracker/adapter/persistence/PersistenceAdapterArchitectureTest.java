package dev.deliverytracker.adapter.persistence;

import dev.deliverytracker.architecture.AdapterArchitectureContract;

/** This module held to the rules an adapter of another repository holds itself to, in the same one line. */
class PersistenceAdapterArchitectureTest extends AdapterArchitectureContract {

    PersistenceAdapterArchitectureTest() {
        super("dev.deliverytracker.adapter.persistence");
    }
}
