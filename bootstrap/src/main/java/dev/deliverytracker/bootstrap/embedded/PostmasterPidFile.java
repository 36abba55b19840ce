package dev.deliverytracker.bootstrap.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's {@code postmaster.pid}: the process that serves a data folder, written at start and
 * removed at a clean stop. A file left behind names either a server still running or one that died.
 *
 * @param pid           the postmaster's process id (first line)
 * @param dataDirectory the folder it serves (second line)
 */
record PostmasterPidFile(long pid, Path dataDirectory) {

    static final String NAME = "postmaster.pid";

    /** The file in {@code dataDirectory}, when there is one that can be read. */
    static Optional<PostmasterPidFile> in(Path dataDirectory) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
        if (lines.size() < 2) {
            // Written half-way by a server that died while starting: no process to stop.
            return Optional.empty();
        }
        try {
            return Optional.of(new PostmasterPidFile(Long.parseLong(lines.get(0).trim()), Path.of(lines.get(1).trim())));
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
    }
}
