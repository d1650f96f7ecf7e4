package dev.surf.infra.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator: N virtual users each send one request, wait for its answer,
 * then send the next, until the request budget or the time limit is spent. It records every
 * request's latency per operation. Targets must be loopback addresses: it refuses anything else.
 */
public final class LoadGenerator {
    /** One virtual user's next request; returns the operation name it ran. */
    @FunctionalInterface
    public interface Step {
        String run(int user, long iteration, Recorder recorder) throws Exception;
    }

    /** Records latencies (nanoseconds) and failures per operation name. */
    public static final class Recorder {
        private final Map<String, Histogram> byOperation = new ConcurrentHashMap<>();
        private final AtomicLong failures = new AtomicLong();

        public void record(String operation, long nanos, boolean ok) {
            byOperation.computeIfAbsent(operation, k -> new Histogram()).add(nanos);
            if (!ok) {
                failures.incrementAndGet();
            }
        }

        public Map<String, Histogram> byOperation() {
            return byOperation;
        }

        public long failures() {
            return failures.get();
        }
    }

    /** All samples kept (runs are bounded), sorted once for percentiles. */
    public static final class Histogram {
        private final List<Long> samples = new ArrayList<>();

        synchronized void add(long nanos) {
            samples.add(nanos);
        }

        public synchronized int count() {
            return samples.size();
        }

        public synchronized double percentileMillis(double p) {
            if (samples.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = new ArrayList<>(samples);
            sorted.sort(null);
            int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(idx, sorted.size() - 1))) / 1e6;
        }
    }

    public record Result(Recorder recorder, long requests, Duration elapsed) {
        public String report() {
            StringBuilder b = new StringBuilder();
            double seconds = elapsed.toNanos() / 1e9;
            b.append(String.format("requests=%d failures=%d elapsed=%.1fs throughput=%.1f req/s%n", requests,
                    recorder.failures(), seconds, requests / seconds));
            recorder.byOperation().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                Histogram h = e.getValue();
                b.append(String.format("%-8s n=%6d  p50=%7.2f ms  p90=%7.2f ms  p99=%7.2f ms  max=%7.2f ms  %.1f req/s%n",
                        e.getKey(), h.count(), h.percentileMillis(50), h.percentileMillis(90), h.percentileMillis(99),
                        h.percentileMillis(100), h.count() / seconds));
            });
            return b.toString();
        }
    }

    private LoadGenerator() {
    }

    /** Refuses any target that is not on this machine's loopback interface. */
    public static void requireLoopback(URI target) {
        try {
            for (InetAddress a : InetAddress.getAllByName(target.getHost())) {
                if (!a.isLoopbackAddress()) {
                    throw new IllegalArgumentException("refusing non-loopback target " + target);
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + target.getHost(), e);
        }
    }

    /** Runs users closed loops until maxRequests are done or maxTime has passed, whichever first. */
    public static Result run(int users, long maxRequests, Duration maxTime, Step step) throws InterruptedException {
        Recorder recorder = new Recorder();
        AtomicLong issued = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        CountDownLatch done = new CountDownLatch(users);
        for (int u = 0; u < users; u++) {
            int user = u;
            Thread.ofVirtual().name("load-user-" + u).start(() -> {
                try {
                    long i = 0;
                    while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxRequests) {
                        try {
                            step.run(user, i++, recorder);
                        } catch (Exception e) {
                            recorder.record("error", 0, false);
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        long requests = recorder.byOperation().values().stream().mapToLong(Histogram::count).sum();
        return new Result(recorder, requests, Duration.ofNanos(System.nanoTime() - start));
    }
}
