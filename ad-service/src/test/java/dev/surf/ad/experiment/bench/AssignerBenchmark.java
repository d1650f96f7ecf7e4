package dev.surf.ad.experiment.bench;

import dev.surf.ad.experiment.Experiment;
import dev.surf.ad.experiment.ExperimentRepository.Layer;
import dev.surf.ad.experiment.ExperimentStatus;
import dev.surf.ad.experiment.Metric;
import dev.surf.ad.experiment.TargetKind;
import dev.surf.ad.experiment.Variant;
import dev.surf.ad.experiment.assign.Assignment;
import dev.surf.ad.experiment.assign.AssignmentTable;
import dev.surf.ad.experiment.assign.Bucketing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of the per-request assignment the decision path pays, against the raw SHA-256 digest it is
 * built on. Three layers with two running experiments each: a user is hashed once per layer and
 * once more per experiment that covers them (up to 6 digests).
 * Run: see ad-service/README.md ("Experiments: measured").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AssignerBenchmark {
    private AssignmentTable table;
    private String[] users;
    private MessageDigest sha256;
    private int next;

    @Setup
    public void setUp() throws Exception {
        List<Layer> layers = new ArrayList<>();
        List<Experiment> running = new ArrayList<>();
        long id = 0;
        for (String layer : List.of("ranking", "auction", "creative")) {
            layers.add(new Layer(layers.size() + 1, layer, layer + "-salt"));
            for (int slice = 0; slice < 2; slice++) {
                id++;
                List<Variant> variants = List.of(new Variant("control", "", 50, true, Map.of("modelVersion", "v1")),
                        new Variant("treatment", "", 50, false, Map.of("modelVersion", "v2")));
                running.add(new Experiment(id, "exp-" + id, "", "", TargetKind.RANKING_MODEL_VERSION, layer, 50, "salt-" + id,
                        ExperimentStatus.RUNNING, Metric.CLICK_RATE, List.of(), slice * 5000, slice * 5000 + 5000,
                        null, null, null, null, 0, variants, List.of()));
            }
        }
        table = AssignmentTable.of(layers, running);
        users = new String[4096];
        for (int i = 0; i < users.length; i++) {
            users[i] = "user-" + i * 7919;
        }
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    @Benchmark
    public List<Assignment> assign() {
        return table.assign(users[next++ & 4095]);
    }

    @Benchmark
    public int bucketOnce() {
        return Bucketing.bucket("ranking-salt", users[next++ & 4095]);
    }

    /** The raw engine: one SHA-256 of the same bytes, no bucketing. */
    @Benchmark
    public byte[] rawSha256() {
        sha256.reset();
        sha256.update("ranking-salt".getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        return sha256.digest(users[next++ & 4095].getBytes(StandardCharsets.UTF_8));
    }
}
