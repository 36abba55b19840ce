package dev.deliverytracker.bootstrap;

import org.springframework.test.context.TestPropertySource;

/** The log scan with Logstash JSON lines, as Logstash and Loki pipelines read them. */
@TestPropertySource(properties = "logging.structured.format.console=logstash")
class LogstashLogScanSystemTest extends StructuredLogScan {

    @Override
    String messageField() {
        return "message";
    }
}
