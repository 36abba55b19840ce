package dev.deliverytracker.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An OCI image tarball run the way a container platform runs it. umoci unpacks it into a runtime
 * bundle: the layers, whiteouts applied, into a root file system, and the image's entrypoint, user,
 * environment and working folder into the runtime's config.json, as the OCI image specification's
 * conversion rules say. runc, the runtime under Docker and containerd, starts that bundle. The
 * changes made to the bundle are the ones a platform makes too: the environment it is given, a memory
 * limit, every capability dropped, an /etc/hosts, no terminal, and the host's network instead of a
 * network of its own (as {@code docker run --network host}), so the service reaches the test's
 * database on loopback and the test reaches the service's port.
 */
final class RuncContainer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final Path runtimeState;
    private final Path folder;
    private final Process runc;
    private final Path log;

    private RuncContainer(String id, Path runtimeState, Path folder, Process runc, Path log) {
        this.id = id;
        this.runtimeState = runtimeState;
        this.folder = folder;
        this.runc = runc;
        this.log = log;
    }

    /** What is missing on this machine to run a container, or empty when nothing is. */
    static List<String> missingTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("umoci", "runc")) {
            if (!Files.isExecutable(Path.of("/usr/bin", tool)) && !Files.isExecutable(Path.of("/usr/sbin", tool))) {
                missing.add(tool);
            }
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            missing.add("root (runc creates namespaces and cgroups)");
        }
        return missing;
    }

    /** Unpacks {@code imageTarball} into {@code folder} and starts its entrypoint, with these additions. */
    static RuncContainer start(Path imageTarball, Path folder, Map<String, String> environment, long memoryLimitBytes)
            throws IOException, InterruptedException {
        Path layout = folder.resolve("layout");
        Path bundle = folder.resolve("bundle");
        String reference = untar(imageTarball, layout);
        run(Duration.ofMinutes(5), "umoci", "unpack", "--image", layout + ":" + reference, bundle.toString());
        Path hosts = folder.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        Path config = bundle.resolve("config.json");
        ObjectNode spec = (ObjectNode) JSON.readTree(config.toFile());
        asPlatformsRunIt(spec, environment, memoryLimitBytes, hosts);
        JSON.writeValue(config.toFile(), spec);

        String id = "tracker-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path runtimeState = Files.createDirectories(folder.resolve("runc-state"));
        Path log = folder.resolve("container.log");
        Process runc = new ProcessBuilder("runc", "--root", runtimeState.toString(), "run", "--bundle",
                bundle.toString(), id).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new RuncContainer(id, runtimeState, folder, runc, log);
    }

    private static void asPlatformsRunIt(ObjectNode spec, Map<String, String> environment, long memoryLimitBytes,
            Path hosts) {
        ObjectNode process = (ObjectNode) spec.get("process");
        process.put("terminal", false);
        ArrayNode env = (ArrayNode) process.get("env");
        environment.forEach((name, value) -> env.add(name + "=" + value));
        // capabilities: drop: [ALL] of deploy/kubernetes; umoci already sets noNewPrivileges.
        ObjectNode capabilities = process.putObject("capabilities");
        for (String set : List.of("bounding", "effective", "inheritable", "permitted", "ambient")) {
            capabilities.putArray(set);
        }
        ObjectNode linux = (ObjectNode) spec.get("linux");
        // umoci's namespaces but the network one: the service shares the host's loopback with the test.
        ArrayNode namespaces = linux.putArray("namespaces");
        for (String namespace : List.of("pid", "ipc", "uts", "mount")) {
            namespaces.addObject().put("type", namespace);
        }
        ((ObjectNode) linux.get("resources")).putObject("memory").put("limit", memoryLimitBytes);
        ((ArrayNode) spec.get("mounts")).addObject().put("destination", "/etc/hosts").put("type", "bind")
                .put("source", hosts.toString()).putArray("options").add("rbind").add("ro");
    }

    /** Extracts the image layout (index, blobs) and answers the reference its index names the image by. */
    private static String untar(Path imageTarball, Path layout) throws IOException {
        try (InputStream in = Files.newInputStream(imageTarball);
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = layout.resolve(entry.getName()).normalize();
                if (!target.startsWith(layout)) {
                    throw new IOException("entry outside the layout: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                }
            }
        }
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        return index.path("manifests").get(0).path("annotations").path("org.opencontainers.image.ref.name").asText();
    }

    /** The process id, on this host, of the container's first process (the image's entrypoint). */
    long pid() throws IOException, InterruptedException {
        String state = run(Duration.ofSeconds(30), "runc", "--root", runtimeState.toString(), "state", id);
        return JSON.readTree(state).path("pid").asLong();
    }

    boolean isRunning() {
        return runc.isAlive();
    }

    /** The runtime's stop: SIGTERM to the entrypoint; answers its exit code, or fails after {@code grace}. */
    int stop(Duration grace) throws IOException, InterruptedException {
        run(Duration.ofSeconds(30), "runc", "--root", runtimeState.toString(), "kill", id, "TERM");
        if (!runc.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the container did not stop within " + grace + ":\n" + logTail());
        }
        return runc.exitValue();
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail() {
        String all = log();
        return all.substring(Math.max(0, all.length() - 6000));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // runc run removes the container once its first process has exited.
        if (runc.isAlive()) {
            run(Duration.ofSeconds(30), "runc", "--root", runtimeState.toString(), "delete", "--force", id);
            runc.waitFor(30, TimeUnit.SECONDS);
        }
        // The root file system is half a gigabyte: not left behind in /tmp.
        run(Duration.ofMinutes(2), "rm", "-rf", "--one-file-system", folder.resolve("bundle").toString(),
                folder.resolve("layout").toString());
    }

    private static String run(Duration timeout, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
