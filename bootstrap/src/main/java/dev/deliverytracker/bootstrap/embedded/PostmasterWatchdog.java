package dev.deliverytracker.bootstrap.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small shell process that outlives the service on purpose: once a second it checks that the
 * service and its embedded PostgreSQL are both alive; when the service is gone (SIGKILL, the OOM
 * killer) while PostgreSQL still serves the folder, it asks PostgreSQL for a fast shutdown, so the
 * database does not run on for long without an owner. After an orderly stop PostgreSQL goes first,
 * and the watchdog then ends without signalling anything: it signals only the process that the
 * folder's {@code postmaster.pid} still names. The claim at the next start stays the guarantee; this
 * only keeps an orphan from lingering until then. POSIX systems only (it needs {@code sh}).
 */
public final class PostmasterWatchdog {

    private static final Logger LOG = LoggerFactory.getLogger(PostmasterWatchdog.class);

    // $1 the service, $2 the postmaster, $3 the data folder. INT and HUP are ignored so that a Ctrl+C
    // in the terminal, which the service handles with an orderly stop, does not take the watchdog too.
    private static final String SCRIPT = """
            trap '' INT HUP
            while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done
            if ! kill -0 "$1" 2>/dev/null && [ "$(head -n 1 "$3/postmaster.pid" 2>/dev/null)" = "$2" ]; then
              kill -INT "$2"
            fi
            """;

    private PostmasterWatchdog() {
    }

    /** Starts a watchdog for the server that serves {@code folder} now, on behalf of {@code owner}. */
    public static Optional<Process> watch(long owner, Path folder) {
        Path shell = Path.of("/bin/sh");
        if (!Files.isExecutable(shell)) {
            return Optional.empty();
        }
        try {
            Optional<PostmasterPidFile> server = PostmasterPidFile.in(folder);
            if (server.isEmpty()) {
                return Optional.empty();
            }
            Process watchdog = new ProcessBuilder(shell.toString(), "-c", SCRIPT, "embedded-postgres-watchdog",
                    Long.toString(owner), Long.toString(server.get().pid()), folder.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return Optional.of(watchdog);
        } catch (IOException e) {
            LOG.warn("no watchdog for the embedded PostgreSQL: {}; a server left behind by a crash is stopped at "
                    + "the next start instead", e.toString());
            return Optional.empty();
        }
    }
}
