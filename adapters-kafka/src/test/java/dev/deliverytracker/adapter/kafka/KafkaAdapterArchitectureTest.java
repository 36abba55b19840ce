package dev.deliverytracker.adapter.kafka;

import dev.deliverytracker.architecture.AdapterArchitectureContract;

/** The Kafka adapter keeps to the boundaries an outside adapter is held to, in the guide's one line. */
class KafkaAdapterArchitectureTest extends AdapterArchitectureContract {

    KafkaAdapterArchitectureTest() {
        super("dev.deliverytracker.adapter.kafka");
    }
}
