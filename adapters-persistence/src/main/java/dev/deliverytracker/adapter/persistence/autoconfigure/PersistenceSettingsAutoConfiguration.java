package dev.deliverytracker.adapter.persistence.autoconfigure;

import dev.deliverytracker.adapter.persistence.GroupCommitSettings;
import dev.deliverytracker.adapter.persistence.PayloadSettings;
import dev.deliverytracker.application.port.InvalidSetting;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The PostgreSQL adapter's settings, bound from its own part of {@code tracker.*}: how callbacks share
 * transactions ({@code tracker.ingest.*}) and how payloads are stored
 * ({@code tracker.retention.mask-phone-numbers}). A refused value stops the start naming its setting (the
 * service reports it). Each backs off for a bean of the application.
 */
@AutoConfiguration(before = PersistenceAutoConfiguration.class)
@EnableConfigurationProperties({IngestProperties.class, StoredPayloadProperties.class})
public class PersistenceSettingsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GroupCommitSettings groupCommitSettings(IngestProperties ingest) {
        return InvalidSetting.building("tracker.ingest.*",
                () -> new GroupCommitSettings(ingest.groupCommit(), ingest.maxBatch(), ingest.queueCapacity(),
                        ingest.waitTimeout(), ingest.writers()));
    }

    @Bean
    @ConditionalOnMissingBean
    PayloadSettings payloadSettings(StoredPayloadProperties payloads) {
        return new PayloadSettings(payloads.maskPhoneNumbers());
    }
}
