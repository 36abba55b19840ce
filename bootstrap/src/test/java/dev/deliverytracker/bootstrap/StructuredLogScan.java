package dev.deliverytracker.bootstrap;

import dev.deliverytracker.application.port.LogFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.core.env.StandardEnvironment;

/**
 * The log scan with structured JSON lines: besides what every format must not show, every line the
 * service logs is a JSON object, and the lines about a message carry its id, organization and Twilio
 * SID as fields of their own. The subclass names the format.
 */
abstract class StructuredLogScan extends LogScanScenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The name of the field that holds a line's text in this format. */
    abstract String messageField();

    @Test
    void the_main_flows_log_json_with_the_ids_as_fields_and_no_secret_or_full_number(CapturedOutput output) {
        Scan scan = runTheMainFlowsAndScan(output);
        List<JsonNode> lines = scan.logged().lines().filter(line -> line.startsWith("{")).map(StructuredLogScan::parse)
                .toList();
        assertThat(lines).as("JSON lines").isNotEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(line.path(messageField()).isTextual()).isTrue());

        JsonNode accepted = only(lines, "twilio accepted message id=" + scan.sent() + " ");
        assertThat(accepted.path(LogFields.MESSAGE_ID).asText()).isEqualTo(scan.sent());
        assertThat(accepted.path(LogFields.ORGANIZATION_ID).asText()).matches("\\d+");
        assertThat(accepted.path(LogFields.MESSAGE_SID).asText()).matches("SM[0-9a-f]{32}");
        assertThat(accepted.path(LogFields.ACCOUNT_SID).asText()).isEqualTo(simulator.accountSid());

        JsonNode rejected = only(lines, "twilio rejected message id=" + scan.refusedByTwilio() + " ");
        assertThat(rejected.path(LogFields.MESSAGE_ID).asText()).isEqualTo(scan.refusedByTwilio());
        assertThat(rejected.path(LogFields.ORGANIZATION_ID).asText())
                .isEqualTo(accepted.path(LogFields.ORGANIZATION_ID).asText());

        JsonNode refused = lines.stream().filter(line -> line.path(messageField()).asText().startsWith("callback refused"))
                .findFirst().orElseThrow();
        assertThat(refused.path(LogFields.MESSAGE_SID).asText()).isEqualTo(FORGED_SID);
        assertThat(refused.path(LogFields.ACCOUNT_SID).asText()).isEqualTo(simulator.accountSid());
    }

    /**
     * Spring Boot hands the format to Logback as a system property that it sets only when absent, so
     * it would outlive this class's service: the test classes after it get pattern lines again.
     */
    @AfterAll
    static void backToPatternLines() {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        LoggingSystem logging = LoggingSystem.get(StructuredLogScan.class.getClassLoader());
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
    }

    private JsonNode only(List<JsonNode> lines, String start) {
        List<JsonNode> found = lines.stream().filter(line -> line.path(messageField()).asText().startsWith(start))
                .toList();
        assertThat(found).as("lines starting with '%s'", start).hasSize(1);
        return found.get(0);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException notJson) {
            throw new AssertionError("not a JSON line: " + line, notJson);
        }
    }
}
