package dev.deliverytracker.bootstrap;

import org.springframework.test.context.TestPropertySource;

/** The log scan with Elastic Common Schema lines, as an ELK stack reads them. */
@TestPropertySource(properties = "logging.structured.format.console=ecs")
class EcsLogScanSystemTest extends StructuredLogScan {

    @Override
    String messageField() {
        return "message";
    }
}
