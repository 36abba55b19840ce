package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The README's configuration table is the one reference of the settings, and it is held to Spring
 * Boot's configuration metadata (ours from the configuration processor, Spring's from its jars): every
 * {@code tracker.*} setting has a row, every property a row names exists, each default shown is the
 * metadata's default, and each environment variable sets the property of its row.
 */
class ConfigurationReferenceTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    /** Row of the table: its variables, properties and defaults, each in the order written. */
    record Row(String line, List<String> variables, List<String> properties, List<String> defaults) {
    }

    private static final Map<String, JsonNode> OURS = new LinkedHashMap<>();
    private static final KnownSettings SETTINGS = KnownSettings.load();
    private static List<Row> rows;
    private static PropertySource<?> applicationYml;

    @BeforeAll
    static void read() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ClassLoader loader = ConfigurationReferenceTest.class.getClassLoader();
        for (String name : new String[] {"META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json"}) {
            // Ours: bootstrap's and each adapter's, which bind their own parts of tracker.* (ADR 0085).
            for (URL resource : Collections.list(loader.getResources(name))) {
                try (InputStream in = resource.openStream()) {
                    JsonNode properties = json.readTree(in).path("properties");
                    boolean ours = false;
                    for (JsonNode property : properties) {
                        ours |= property.path("name").asText().startsWith("tracker.");
                    }
                    if (ours) {
                        properties.forEach(property -> OURS.put(property.path("name").asText(), property));
                    }
                }
            }
        }
        rows = rows(Files.readString(Path.of("..", "README.md")));
        applicationYml = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .get(0);
    }

    @Test
    void every_tracker_setting_has_a_row() {
        assertThat(OURS.keySet()).as("our metadata").anyMatch(name -> name.startsWith("tracker.webhook."))
                .allMatch(name -> name.startsWith("tracker."));
        List<String> documented = rows.stream().flatMap(row -> row.properties().stream()).toList();
        assertThat(new TreeSet<>(OURS.keySet())).as("settings missing from the README's table")
                .allMatch(documented::contains);
    }

    @Test
    void every_property_of_the_table_is_a_setting_the_service_knows() {
        List<String> unknown = rows.stream().flatMap(row -> row.properties().stream())
                .filter(property -> !SETTINGS.hasProperty(property)).toList();
        assertThat(unknown).isEmpty();
        assertThat(SETTINGS.hasProperty("tracker.webhook.signature-checks")).as("a misspelt one is unknown").isFalse();
    }

    @Test
    void each_default_shown_is_the_default_of_the_metadata() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < row.properties().size(); i++) {
                JsonNode property = OURS.get(row.properties().get(i));
                if (property == null || !property.has("defaultValue")) {
                    continue;
                }
                String expected = property.path("defaultValue").asText().toLowerCase(Locale.ROOT);
                String shown = i < row.defaults().size() ? row.defaults().get(i) : "(none)";
                if (!expected.equals(shown.toLowerCase(Locale.ROOT))) {
                    wrong.add(row.properties().get(i) + ": README `" + shown + "`, metadata `" + expected + "`");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void each_environment_variable_sets_the_property_of_its_row() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < row.variables().size(); i++) {
                String variable = row.variables().get(i);
                String property = row.properties().get(Math.min(i, row.properties().size() - 1));
                Object configured = applicationYml.getProperty(property);
                boolean placeholder = configured != null && PLACEHOLDER.matcher(configured.toString()).results()
                        .anyMatch(match -> match.group(1).equals(variable));
                boolean relaxed = variable.toLowerCase(Locale.ROOT).replace('_', '.')
                        .equals(property.replace('-', '.'));
                if (!placeholder && !relaxed) {
                    wrong.add(variable + " does not set " + property);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(rows).as("rows read from the README").hasSizeGreaterThan(50);
    }

    /** The rows of the table under "## Configuration": variables, properties (short forms expanded), defaults. */
    static List<Row> rows(String readme) {
        String table = readme.substring(readme.indexOf("## Configuration"));
        table = table.substring(0, table.indexOf("\n## ", 3));
        List<Row> rows = new ArrayList<>();
        for (String line : table.lines().filter(line -> line.startsWith("| ")).toList()) {
            String[] cells = line.substring(2).split(" \\| ");
            if (cells.length < 4 || cells[0].startsWith("Environment variable")) {
                continue;
            }
            List<String> properties = new ArrayList<>();
            String full = null;
            for (String name : codes(cells[1])) {
                full = name.contains(".") ? name : full.substring(0, full.lastIndexOf('.') + 1) + name;
                properties.add(full);
            }
            rows.add(new Row(line, codes(cells[0]), properties, codes(cells[2])));
        }
        return rows;
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }
}
