package dev.deliverytracker.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The settings the service knows: every property in Spring's configuration metadata on the class path
 * (Spring Boot's own, and ours from the configuration processor), and every environment variable that
 * application.yml names in a placeholder. An environment variable is known when it is one of those
 * placeholders or Spring's environment form of a known property ({@code TRACKER_WEBHOOK_MAX_BODY_BYTES}
 * for {@code tracker.webhook.max-body-bytes}, {@code LOGGING_LEVEL_ROOT} under the map {@code logging.level}).
 */
final class KnownSettings {

    /** Read by the JVM itself, not by Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private final Set<String> properties;
    private final Set<String> mapProperties;
    private final Set<String> placeholders;

    private KnownSettings(Set<String> properties, Set<String> mapProperties, Set<String> placeholders) {
        this.properties = properties;
        this.mapProperties = mapProperties;
        this.placeholders = placeholders;
    }

    static KnownSettings load() {
        Set<String> properties = new TreeSet<>();
        Set<String> maps = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        ClassLoader loader = KnownSettings.class.getClassLoader();
        try {
            for (String name : new String[] {"META-INF/spring-configuration-metadata.json",
                    "META-INF/additional-spring-configuration-metadata.json"}) {
                for (URL resource : Collections.list(loader.getResources(name))) {
                    try (InputStream in = resource.openStream()) {
                        for (JsonNode property : json.readTree(in).path("properties")) {
                            String propertyName = property.path("name").asText();
                            properties.add(propertyName);
                            if (property.path("type").asText().startsWith("java.util.Map")) {
                                maps.add(propertyName);
                            }
                        }
                    }
                }
            }
            Set<String> placeholders = new HashSet<>();
            try (InputStream in = loader.getResourceAsStream("application.yml")) {
                PLACEHOLDER.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).results()
                        .forEach(match -> placeholders.add(match.group(1)));
            }
            return new KnownSettings(properties, maps, placeholders);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    boolean hasProperty(String name) {
        return properties.contains(name);
    }

    Set<String> placeholders() {
        return placeholders;
    }

    boolean knowsVariable(String variable) {
        if (placeholders.contains(variable) || JVM_VARIABLES.contains(variable)) {
            return true;
        }
        String dotted = variable.toLowerCase(Locale.ROOT).replace('_', '.');
        for (String property : properties) {
            if (dotted.equals(property.replace('-', '.')) || dotted.equals(property.replace("-", ""))) {
                return true;
            }
        }
        for (String map : mapProperties) {
            if (dotted.startsWith(map.replace('-', '.') + ".") || dotted.startsWith(map.replace("-", "") + ".")) {
                return true;
            }
        }
        return false;
    }
}
