package dev.deliverytracker.bootstrap.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks a PostgreSQL server for a fast shutdown (SIGINT: clients are disconnected, then a final
 * checkpoint), with the system's {@code kill}, or on Windows with the server's own
 * {@code pg_ctl kill INT} (which refuses to run as root, so it is not the first choice). Never SIGKILL: a
 * database killed outright must replay its log, and one killed in the middle of a checkpoint leaves
 * its shared memory to the next start.
 */
final class OrphanStop {

    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    private OrphanStop() {
    }

    static void fastShutdown(ProcessHandle postmaster, Path folder) throws IOException {
        String pid = Long.toString(postmaster.pid());
        List<String> command = WINDOWS ? pgCtlBeside(postmaster)
                .map(pgCtl -> List.of(pgCtl.toString(), "kill", "INT", pid))
                .orElseThrow(() -> new DataFolderInUse("the embedded PostgreSQL (process " + pid + ") left running on "
                        + folder + " has no pg_ctl beside it to stop it with; stop it and start again"))
                : List.of("kill", "-INT", pid);
        Process signal = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!signal.waitFor(10, TimeUnit.SECONDS) || signal.exitValue() != 0) {
                signal.destroy();
                throw new DataFolderInUse("could not signal the embedded PostgreSQL (process " + postmaster.pid()
                        + ") left running on " + folder + " with " + String.join(" ", command)
                        + "; stop it and start again");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling the orphaned embedded PostgreSQL", interrupted);
        }
    }

    private static Optional<Path> pgCtlBeside(ProcessHandle postmaster) {
        return postmaster.info().command().map(Path::of).map(postgres -> {
            String name = postgres.getFileName().toString().endsWith(".exe") ? "pg_ctl.exe" : "pg_ctl";
            return postgres.resolveSibling(name);
        }).filter(Files::isExecutable);
    }
}
