package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads each file of deploy/ (Compose, Render, Kubernetes) and holds it to the service: every
 * environment variable it passes is a setting the service knows, every probe or health check path
 * answers UP on the running service, and the pieces of each file fit together.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DeployFilesSystemTest extends SimulatedServiceTest {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final KnownSettings SETTINGS = KnownSettings.load();

    @Test
    void the_known_settings_are_read_from_the_metadata_and_refuse_a_misspelt_one() {
        assertThat(SETTINGS.hasProperty("tracker.webhook.path")).as("our metadata is on the class path").isTrue();
        assertThat(SETTINGS.hasProperty("management.endpoint.health.probes.enabled")).isTrue();
        assertThat(SETTINGS.knowsVariable("TRACKER_WEBHOOK_MAX_BODY_BYTES")).isTrue();
        assertThat(SETTINGS.knowsVariable("LOGGING_STRUCTURED_FORMAT_CONSOLE")).isTrue();
        assertThat(SETTINGS.knowsVariable("PUBLIC_BASE_URL")).isTrue();
        assertThat(SETTINGS.knowsVariable("PUBLIC_BASE_URI")).isFalse();
        assertThat(SETTINGS.knowsVariable("TRACKER_WEBHOOK_MAX_BODY_BYTE")).isFalse();
    }

    @Test
    void compose_passes_known_settings_and_points_the_tracker_at_its_postgres() {
        Map<String, Object> compose = yaml("docker-compose.yml").get(0);
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> tracker = map(services.get("tracker"));
        Map<String, Object> postgres = map(services.get("postgres"));
        Map<String, Object> env = map(tracker.get("environment"));
        assertKnown("docker-compose.yml", env.keySet());

        Map<String, Object> db = map(postgres.get("environment"));
        assertThat(env.get("DATABASE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + db.get("POSTGRES_DB"));
        assertThat(env.get("DATABASE_USER")).isEqualTo(db.get("POSTGRES_USER"));
        assertThat(env.get("DATABASE_PASSWORD")).isEqualTo(db.get("POSTGRES_PASSWORD"));
        assertThat(list(tracker.get("ports"))).contains("8080:8080");
        String volume = list(postgres.get("volumes")).get(0).toString().split(":")[0];
        assertThat(map(compose.get("volumes"))).as("a named volume keeps the data").containsKey(volume);
        assertThat(map(map(tracker.get("depends_on")).get("postgres")).get("condition")).isEqualTo("service_healthy");
    }

    @Test
    void the_render_blueprint_passes_known_settings_and_its_health_check_answers() throws Exception {
        Map<String, Object> blueprint = yaml("render.yaml").get(0);
        Map<String, Object> web = map(list(blueprint.get("services")).get(0));
        assertThat(web.get("type")).isEqualTo("web");
        assertThat(web.get("runtime")).isEqualTo("image");
        List<Map<String, Object>> envVars = list(web.get("envVars")).stream().map(DeployFilesSystemTest::map).toList();
        assertKnown("render.yaml", envVars.stream().map(variable -> variable.get("key").toString()).toList());

        Set<Object> databases = new LinkedHashSet<>();
        list(blueprint.get("databases")).forEach(database -> databases.add(map(database).get("name")));
        Map<String, Object> databaseUrl = envVars.stream().filter(variable -> "DATABASE_URL".equals(variable.get("key")))
                .findFirst().orElseThrow();
        assertThat(map(databaseUrl.get("fromDatabase"))).containsEntry("property", "connectionString");
        assertThat(databases).contains(map(databaseUrl.get("fromDatabase")).get("name"));
        assertAnswersUp(web.get("healthCheckPath").toString());
    }

    @Test
    void on_render_the_public_base_url_is_the_service_url_render_sets() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("render",
                Map.of("RENDER_EXTERNAL_URL", "https://delivery-tracker.onrender.com")));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        assertThat(environment.getProperty("tracker.webhook.public-base-url"))
                .isEqualTo("https://delivery-tracker.onrender.com");
        environment.getPropertySources().addFirst(new MapPropertySource("set",
                Map.of("PUBLIC_BASE_URL", "https://tracker.example.com")));
        assertThat(environment.getProperty("tracker.webhook.public-base-url")).isEqualTo("https://tracker.example.com");
    }

    @Test
    void the_kubernetes_manifests_pass_known_settings_and_probe_paths_that_answer() throws Exception {
        List<Map<String, Object>> documents = yaml("kubernetes/delivery-tracker.yaml");
        Map<String, Object> deployment = kind(documents, "Deployment");
        Map<String, Object> spec = map(deployment.get("spec"));
        assertThat((Integer) spec.get("replicas")).as("several instances").isGreaterThanOrEqualTo(2);
        Map<String, Object> podTemplate = map(spec.get("template"));
        Map<String, Object> podLabels = map(map(podTemplate.get("metadata")).get("labels"));
        Map<String, Object> podSpec = map(podTemplate.get("spec"));
        assertThat(map(podSpec.get("securityContext"))).containsEntry("runAsNonRoot", true);
        Map<String, Object> container = map(list(podSpec.get("containers")).get(0));

        List<Map<String, Object>> env = list(container.get("env")).stream().map(DeployFilesSystemTest::map).toList();
        assertKnown("kubernetes/delivery-tracker.yaml", env.stream().map(variable -> variable.get("name").toString()).toList());
        assertThat(env).filteredOn(variable -> variable.containsKey("valueFrom")).isNotEmpty()
                .allSatisfy(variable -> assertThat(map(map(variable.get("valueFrom")).get("secretKeyRef")))
                        .containsEntry("name", "delivery-tracker"));

        Map<String, Object> port = map(list(container.get("ports")).get(0));
        assertThat(port).containsEntry("containerPort", 8080).containsEntry("name", "http");
        List<String> probePaths = new ArrayList<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
            assertThat(httpGet.get("port")).as(probe + " port").isEqualTo("http");
            probePaths.add(httpGet.get("path").toString());
        }
        assertThat(probePaths).contains("/actuator/health/liveness", "/actuator/health/readiness");
        for (String path : probePaths) {
            assertAnswersUp(path);
        }

        Map<String, Object> service = map(kind(documents, "Service").get("spec"));
        assertThat(map(service.get("selector"))).isEqualTo(podLabels);
        assertThat(map(list(service.get("ports")).get(0)).get("targetPort")).isEqualTo("http");
        Map<String, Object> budget = map(kind(documents, "PodDisruptionBudget").get("spec"));
        assertThat(map(map(budget.get("selector")).get("matchLabels"))).isEqualTo(podLabels);
        assertThat((Integer) budget.get("minAvailable")).isLessThan((Integer) spec.get("replicas"));
    }

    @Test
    void the_kubernetes_guide_puts_your_image_and_your_host_in_place_of_the_manifest_placeholders() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "operations.md"));
        String section = guide.substring(guide.indexOf("### Kubernetes"));
        section = section.substring(0, section.indexOf("\n## "));
        String manifest = Files.readString(DEPLOY.resolve("kubernetes/delivery-tracker.yaml"));
        String applied = manifest;
        Matcher substitution = Pattern.compile("s\\|([^|]+)\\|([^|]+)\\|").matcher(section);
        while (substitution.find()) {
            assertThat(manifest).as("a placeholder the guide replaces").contains(substitution.group(1));
            applied = applied.replace(substitution.group(1), substitution.group(2));
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(applied).forEach(document -> documents.add(map(document)));
        Map<String, Object> container = map(list(map(map(map(kind(documents, "Deployment").get("spec"))
                .get("template")).get("spec")).get("containers")).get(0));
        assertThat(container.get("image")).isEqualTo("ghcr.io/your-org/delivery-tracker:0.1.0");
        assertThat(list(container.get("env")).stream().map(DeployFilesSystemTest::map)
                .filter(variable -> "PUBLIC_BASE_URL".equals(variable.get("name"))).map(variable -> variable.get("value")))
                .containsExactly("https://tracker.your-domain.example");
    }

    private void assertAnswersUp(String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET " + path).isEqualTo(200);
        assertThat(answer.body()).as("GET " + path).contains("\"status\":\"UP\"");
    }

    private static void assertKnown(String file, Iterable<String> variables) {
        List<String> unknown = StreamSupport.stream(variables.spliterator(), false)
                .filter(variable -> !SETTINGS.knowsVariable(variable)).toList();
        assertThat(unknown).as("settings in deploy/%s that the service does not know", file).isEmpty();
    }

    private static List<Map<String, Object>> yaml(String file) {
        try {
            String text = Files.readString(DEPLOY.resolve(file));
            List<Map<String, Object>> documents = new ArrayList<>();
            new Yaml().loadAll(text).forEach(document -> documents.add(map(document)));
            return documents;
        } catch (IOException unreadable) {
            throw new AssertionError("deploy/" + file + " cannot be read", unreadable);
        }
    }

    private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(document -> kind.equals(document.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in the manifests"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Object>) node;
    }
}
