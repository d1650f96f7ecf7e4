package dev.surf.infra.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time each process on this machine spent during one phase of a benchmark, so a report can say
 * where the two cores went (the service, the broker, PostgreSQL, the load generator itself).
 */
final class CpuShare {
    private final Map<Long, Duration> before = new HashMap<>();
    private final long startNanos = System.nanoTime();

    private CpuShare() {
    }

    static CpuShare start() {
        CpuShare s = new CpuShare();
        ProcessHandle.allProcesses().forEach(p -> p.info().totalCpuDuration().ifPresent(d -> s.before.put(p.pid(), d)));
        return s;
    }

    /** The busiest processes since {@link #start()}: "name cpu-seconds (share of wall time)". */
    String top(int n) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        record Used(String name, double seconds) {
        }
        List<Used> used = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().forEach(p -> p.info().totalCpuDuration().ifPresent(d -> {
            double s = (d.toNanos() - before.getOrDefault(p.pid(), Duration.ZERO).toNanos()) / 1e9;
            if (s > 0.05) {
                used.add(new Used(p.pid() == self ? "load-generator" : name(p), s));
            }
        }));
        Map<String, Double> byName = new HashMap<>();
        used.forEach(u -> byName.merge(u.name(), u.seconds(), Double::sum));
        StringBuilder b = new StringBuilder();
        byName.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(n)
                .forEach(e -> b.append(b.isEmpty() ? "" : ", ").append(String.format("%s %.1f s (%.0f%%)", e.getKey(),
                        e.getValue(), 100 * e.getValue() / wall)));
        return String.format("%.1f s wall: %s", wall, b);
    }

    /** A short name: a Surf service or tool, maven, a test JVM, else the executable. */
    private static String name(ProcessHandle p) {
        String cmd = p.info().command().orElse("?");
        List<String> args = arguments(p);
        for (String a : args) {
            if (a.endsWith("quarkus-run.jar")) {
                String[] parts = a.split("/");
                return parts.length >= 4 ? parts[parts.length - 4] : a;
            }
            if (a.startsWith("dev.surf.")) {
                return a.substring(a.lastIndexOf('.') + 1);
            }
            if (a.contains("plexus.classworlds")) {
                return "maven (other builds)";
            }
            if (a.contains("surefire")) {
                return "test JVM (other builds)";
            }
        }
        return cmd.substring(cmd.lastIndexOf('/') + 1);
    }

    /** /proc/PID/cmdline where there is one: ProcessHandle.Info may cut long command lines (class paths). */
    private static List<String> arguments(ProcessHandle p) {
        try {
            byte[] raw = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            return List.of(new String(raw, java.nio.charset.StandardCharsets.UTF_8).split("\u0000"));
        } catch (java.io.IOException | RuntimeException e) {
            return List.of(p.info().arguments().orElse(new String[0]));
        }
    }
}
