package dev.deliverytracker.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the OCI image tarball Jib writes at package time (target/jib-image-app.tar: this build's
 * configuration on an empty base, since no registry can be reached here) and checks what the image
 * promises: a non-root user, the entrypoint that starts the service, port 8080, the application in
 * separate layers, no secret and nothing of the build's own in it, and the SBOM beside it naming every
 * library the image carries.
 */
class ImageTarballIT {

    private static final Path TARGET = Path.of("target");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(token|password|secret|key|credential).*");

    private static JsonNode config;
    private static final List<Set<String>> LAYERS = new ArrayList<>();

    @BeforeAll
    static void readTheTarball() throws IOException {
        Map<String, byte[]> blobs = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(TARGET.resolve("jib-image-app.tar")))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isDirectory()) {
                    blobs.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        byte[] index = blobs.get("index.json");
        assertThat(index).as("index.json in the tarball").isNotNull();
        String manifestDigest = JSON.readTree(index).path("manifests").get(0).path("digest").asText();
        JsonNode manifest = JSON.readTree(blob(blobs, manifestDigest));
        config = JSON.readTree(blob(blobs, manifest.path("config").path("digest").asText()));
        for (JsonNode layer : manifest.path("layers")) {
            Set<String> names = new HashSet<>();
            try (TarArchiveInputStream files = new TarArchiveInputStream(
                    new GZIPInputStream(new ByteArrayInputStream(blob(blobs, layer.path("digest").asText()))))) {
                TarArchiveEntry file;
                while ((file = files.getNextEntry()) != null) {
                    names.add(file.getName());
                }
            }
            LAYERS.add(names);
        }
    }

    @Test
    void the_service_runs_as_a_user_that_is_not_root() {
        String user = config.path("config").path("User").asText();
        assertThat(user).isNotBlank();
        String uid = user.split(":")[0];
        assertThat(uid).isNotIn("0", "root");
    }

    @Test
    void the_entrypoint_starts_the_service_with_the_image_class_path() {
        List<String> entrypoint = new ArrayList<>();
        config.path("config").path("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
        assertThat(entrypoint).first().isEqualTo("java");
        assertThat(entrypoint).containsSubsequence("-cp", "@/app/jib-classpath-file");
        assertThat(entrypoint).last().isEqualTo(DeliveryTrackerApplication.class.getName());
        assertThat(files()).contains("app/jib-classpath-file",
                "app/classes/" + DeliveryTrackerApplication.class.getName().replace('.', '/') + ".class");
    }

    @Test
    void port_8080_is_exposed_as_the_service_listens_on_by_default() {
        assertThat(config.path("config").path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.path("config").path("ExposedPorts").size()).isEqualTo(1);
    }

    @Test
    void the_application_comes_in_layers_libraries_apart_from_our_classes() {
        List<String> comments = new ArrayList<>();
        config.path("history").forEach(step -> comments.add(step.path("comment").asText()));
        assertThat(comments).contains("dependencies", "resources", "classes");
        Set<String> dependencies = LAYERS.get(comments.indexOf("dependencies"));
        Set<String> classes = LAYERS.get(comments.indexOf("classes"));
        assertThat(dependencies).anyMatch(name -> name.startsWith("app/libs/spring-boot-"));
        assertThat(dependencies).noneMatch(name -> name.startsWith("app/classes/"));
        assertThat(classes).allMatch(name -> name.startsWith("app/classes") || "app/".equals(name));
    }

    @Test
    void no_secret_and_nothing_of_the_build_or_its_tests_is_in_the_image() {
        List<String> environment = new ArrayList<>();
        config.path("config").path("Env").forEach(variable -> environment.add(variable.asText().split("=")[0]));
        assertThat(environment).noneMatch(name -> SECRET_NAME.matcher(name).matches());
        config.path("config").path("Labels").fieldNames()
                .forEachRemaining(label -> assertThat(label).doesNotMatch(SECRET_NAME));
        assertThat(files()).noneMatch(name -> name.contains("/test-classes/") || name.endsWith("Test.class")
                || name.endsWith("IT.class") || name.endsWith("/config/application.yml") || name.contains(".data/")
                || name.endsWith(".pem") || name.endsWith("settings.xml") || name.contains(".git/")
                || name.endsWith(".env") || name.contains("junit") || name.contains("testcontainers"));
    }

    @Test
    void the_sbom_beside_the_image_names_every_library_in_it() throws IOException {
        Path sbom = TARGET.resolve("delivery-tracker-bom.json");
        assertThat(sbom).exists();
        Set<String> components = new HashSet<>();
        for (JsonNode component : JSON.readTree(sbom.toFile()).path("components")) {
            components.add(component.path("name").asText() + "-" + component.path("version").asText() + ".jar");
        }
        List<String> libraries = files().stream().filter(name -> name.startsWith("app/libs/") && name.endsWith(".jar"))
                .map(name -> name.substring("app/libs/".length())).toList();
        assertThat(libraries).hasSizeGreaterThan(100);
        assertThat(libraries).as("libraries in the image that the SBOM does not name")
                .allMatch(library -> components.contains(library)
                        || components.stream().anyMatch(component -> library.endsWith("-" + component)));
    }

    private static Set<String> files() {
        Set<String> all = new HashSet<>();
        LAYERS.forEach(all::addAll);
        return all;
    }

    private static byte[] blob(Map<String, byte[]> blobs, String digest) {
        byte[] content = blobs.get("blobs/" + digest.replace(':', '/'));
        assertThat(content).as("blob %s", digest).isNotNull();
        return content;
    }
}
