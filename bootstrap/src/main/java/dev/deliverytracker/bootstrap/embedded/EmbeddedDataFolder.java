package dev.deliverytracker.bootstrap.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's claim on the embedded database's folder, held for as long as the service runs.
 *
 * <p>The claim is an operating-system file lock on {@code <folder>.owner} beside the folder, so it
 * ends with the process that holds it, however that process ends (SIGKILL and the OOM killer
 * included). Whoever gets the claim therefore knows that the service which started a PostgreSQL
 * still named in the folder's {@code postmaster.pid} is gone, and stops that orphan with a fast
 * shutdown before starting its own. PostgreSQL then recovers from its write-ahead log as after any
 * stop; nothing here deletes or resets data.
 */
public final class EmbeddedDataFolder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDataFolder.class);

    private final Path folder;
    private final FileChannel ownerFile;
    private final FileLock lock;

    private EmbeddedDataFolder(Path folder, FileChannel ownerFile, FileLock lock) {
        this.folder = folder;
        this.ownerFile = ownerFile;
        this.lock = lock;
    }

    /**
     * Claims {@code folder} for this process, after stopping a PostgreSQL that a dead service left
     * running on it.
     *
     * @param orphanStopWait how long an orphan gets to finish its fast shutdown (its final checkpoint)
     * @throws DataFolderInUse when a live process holds the folder, or an orphan would not stop
     */
    public static EmbeddedDataFolder claim(Path folder, Duration orphanStopWait) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path owner = ownerFileOf(absolute);
        FileChannel channel = null;
        try {
            Files.createDirectories(absolute);
            channel = FileChannel.open(owner, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = readOwner(channel);
                channel.close();
                throw new DataFolderInUse("the embedded database folder " + absolute + " is in use by " + holder
                        + "; stop that process first, or set tracker.embedded-database.data-directory (TRACKER_DATA_DIR) "
                        + "to another folder");
            }
            writeOwner(channel);
            EmbeddedDataFolder claimed = new EmbeddedDataFolder(absolute, channel, lock);
            claimed.stopOrphan(orphanStopWait);
            return claimed;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("could not claim the embedded database folder " + absolute + " through "
                    + owner, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    public Path folder() {
        return folder;
    }

    /** The file whose lock says who owns {@code folder}; beside it, since initdb wants the folder empty. */
    static Path ownerFileOf(Path folder) {
        return folder.resolveSibling(folder.getFileName() + ".owner");
    }

    private void stopOrphan(Duration wait) throws IOException {
        Optional<PostmasterPidFile> pidFile = PostmasterPidFile.in(folder);
        if (pidFile.isEmpty()) {
            return;
        }
        long pid = pidFile.get().pid();
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // The server died with its owner; PostgreSQL sees the stale file itself and starts.
            return;
        }
        if (!servesThisFolder(process.get(), pidFile.get())) {
            // The number went to an unrelated process after a reboot or container restart. PostgreSQL
            // would take it for a live server and refuse to start; the file is only a lock, not data.
            LOG.warn("{} names process {}, which is not a PostgreSQL serving {}; removing the stale lock file",
                    PostmasterPidFile.NAME, pid, folder);
            Files.deleteIfExists(folder.resolve(PostmasterPidFile.NAME));
            return;
        }
        LOG.warn("The embedded PostgreSQL (process {}) on {} outlived the service that started it; stopping it "
                + "(fast shutdown) before starting a new one. PostgreSQL recovers from its write-ahead log.", pid, folder);
        OrphanStop.fastShutdown(process.get(), folder);
        try {
            process.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            throw new DataFolderInUse("the embedded PostgreSQL (process " + pid + ") left running on " + folder
                    + " by a service that is gone did not stop within " + wait + "; stop it (kill -INT " + pid
                    + ") and start again");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the orphaned embedded PostgreSQL", interrupted);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible.getCause());
        }
        LOG.info("The orphaned embedded PostgreSQL (process {}) has stopped", pid);
    }

    private boolean servesThisFolder(ProcessHandle process, PostmasterPidFile pidFile) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(Path::of).map(Path::getFileName).map(Path::toString)
                .map(name -> name.equals("postgres") || name.equals("postgres.exe")).orElse(false);
        boolean sameFolder = pidFile.dataDirectory().toAbsolutePath().normalize().equals(folder)
                && info.arguments().map(args -> java.util.Arrays.asList(args).contains(pidFile.dataDirectory().toString()))
                        .orElse(true);
        return postgres && sameFolder;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            return null;
        }
    }

    private static void writeOwner(FileChannel channel) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String owner = "the delivery tracker process " + self.pid() + " (started "
                + self.info().startInstant().map(Instant::toString).orElse("at an unknown time") + ")";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }

    private static String readOwner(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(512);
        channel.read(content, 0);
        String owner = new String(content.array(), 0, content.position(), StandardCharsets.UTF_8).trim();
        return owner.isEmpty() ? "another process" : owner;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
    }

    /** Gives the folder up; the lock goes with the channel. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("releasing the claim on {}: {}", folder, e.toString());
        }
        closeQuietly(ownerFile);
    }
}
