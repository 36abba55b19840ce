package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/** The log scan with the default console format: pattern lines. */
class LogScanSystemTest extends LogScanScenario {

    @Test
    void the_main_flows_log_no_auth_token_no_api_key_and_no_full_phone_number(CapturedOutput output) {
        Scan scan = runTheMainFlowsAndScan(output);
        assertThat(scan.logged()).as("pattern lines, not JSON").doesNotContain("{\"@timestamp\"");
    }
}
