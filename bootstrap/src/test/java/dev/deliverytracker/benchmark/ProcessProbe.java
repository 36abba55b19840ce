package dev.deliverytracker.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads CPU time and memory of processes from Linux's /proc. CPU values are in milliseconds. */
final class ProcessProbe {

    private final long ticksPerSecond;

    ProcessProbe(long ticksPerSecond) {
        this.ticksPerSecond = ticksPerSecond;
    }

    /** Fields of /proc/PID/stat after the command name: [0] = state (field 3), [11] = utime (field 14). */
    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** utime + stime of the process itself, ms; -1 if it is gone. */
    long cpuMs(long pid) {
        String[] f = stat(pid);
        return f == null ? -1 : (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / ticksPerSecond;
    }

    /**
     * utime + stime of the live threads of a process whose name (Linux's 15-character thread name)
     * passes {@code name}, ms. Threads that already exited are not counted.
     */
    long threadsCpuMs(long pid, Predicate<String> name) {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String s = Files.readString(task.resolve("stat"));
                    String comm = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
                    if (name.test(comm)) {
                        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // The thread ended between the listing and the read.
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * 1000 / ticksPerSecond;
    }

    /**
     * CPU of a PostgreSQL server: the postmaster and every live child (backends, WAL writer,
     * checkpointer...), plus the time of children that already exited (cutime + cstime), ms.
     */
    long treeCpuMs(long rootPid) {
        String[] root = stat(rootPid);
        if (root == null) {
            return -1;
        }
        long ticks = Long.parseLong(root[11]) + Long.parseLong(root[12]) + Long.parseLong(root[13])
                + Long.parseLong(root[14]);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] f = stat(Long.parseLong(name));
                if (f != null && Long.parseLong(f[1]) == rootPid) {
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * 1000 / ticksPerSecond;
    }

    /** A line of /proc/PID/status in kB (VmHWM: peak RSS, VmRSS: current RSS); -1 if unknown. */
    static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Whole machine: {busy, total} jiffies from the first line of /proc/stat. */
    static long[] machineJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** The postmaster's pid from DATA_DIR/postmaster.pid, or -1. */
    static long postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return Long.parseLong(lines.get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static long memTotalMb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }
}
