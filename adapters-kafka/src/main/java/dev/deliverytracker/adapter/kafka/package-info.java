/**
 * The Kafka feed: every committed status change on a Kafka topic (docs/kafka.md, ADR 0070). The publisher
 * implements the application's {@code StatusFeedPublisher}; the schedule drives the use case
 * {@code RelayStatusFeed}; nothing else of the tracker is used, as for an adapter of another team.
 */
package dev.deliverytracker.adapter.kafka;
