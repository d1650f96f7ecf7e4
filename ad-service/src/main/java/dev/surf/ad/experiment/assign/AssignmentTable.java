package dev.surf.ad.experiment.assign;

import dev.surf.ad.experiment.Experiment;
import dev.surf.ad.experiment.ExperimentRepository.Layer;
import dev.surf.ad.experiment.TargetKind;
import dev.surf.ad.experiment.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable view of the running experiments, arranged for the per-request lookup: per layer,
 * the experiments' slices sorted by start; per experiment, cumulative variant bucket bounds.
 */
public final class AssignmentTable {
    public static final AssignmentTable EMPTY = new AssignmentTable(List.of());

    record Arm(int upperBucket, Assignment assignment) {
    }

    record Slot(int start, int end, String salt, List<Arm> arms) {
    }

    record LayerSlots(String salt, List<Slot> slots) {
    }

    private final List<LayerSlots> layers;

    private AssignmentTable(List<LayerSlots> layers) {
        this.layers = layers;
    }

    public static AssignmentTable of(List<Layer> layers, List<Experiment> running) {
        Map<String, List<Experiment>> byLayer = running.stream()
                .filter(e -> e.sliceStart() != null)
                .collect(Collectors.groupingBy(Experiment::layer));
        List<LayerSlots> out = new ArrayList<>();
        for (Layer layer : layers) {
            List<Slot> slots = byLayer.getOrDefault(layer.name(), List.of()).stream()
                    .sorted(Comparator.comparingInt(Experiment::sliceStart))
                    .map(AssignmentTable::slot)
                    .toList();
            if (!slots.isEmpty()) {
                out.add(new LayerSlots(layer.salt(), slots));
            }
        }
        return new AssignmentTable(List.copyOf(out));
    }

    private static Slot slot(Experiment e) {
        List<Arm> arms = new ArrayList<>();
        int upper = 0;
        for (Variant v : e.variants()) {
            upper += v.allocationPercent() * (Bucketing.BUCKETS / 100);
            arms.add(new Arm(upper, new Assignment(e.key(), v.key(), e.targetKind(), v.params(), withheld(e, v))));
        }
        return new Slot(e.sliceStart(), e.sliceEnd(), e.salt(), List.copyOf(arms));
    }

    /** Creative-set experiments: the creatives named by the other variants and not by this one. */
    static Set<Long> withheld(Experiment e, Variant mine) {
        if (e.targetKind() != TargetKind.CREATIVE_SET) {
            return Set.of();
        }
        Set<Long> out = new HashSet<>();
        for (Variant v : e.variants()) {
            out.addAll(creativeIds(v));
        }
        out.removeAll(creativeIds(mine));
        return out;
    }

    private static Set<Long> creativeIds(Variant v) {
        String ids = v.params().get("creativeIds");
        if (ids == null || ids.isBlank()) {
            return Set.of();
        }
        Set<Long> out = new HashSet<>();
        for (String id : ids.split(",")) {
            out.add(Long.parseLong(id.trim())); // validated at creation: positive ids, comma-separated
        }
        return out;
    }

    /** At most one assignment per layer: the experiment whose slice holds the user's layer bucket. */
    public List<Assignment> assign(String userId) {
        List<Assignment> out = new ArrayList<>(layers.size());
        for (LayerSlots layer : layers) {
            int b = Bucketing.bucket(layer.salt(), userId);
            for (Slot s : layer.slots()) {
                if (b >= s.start() && b < s.end()) {
                    int vb = Bucketing.bucket(s.salt(), userId);
                    for (Arm a : s.arms()) {
                        if (vb < a.upperBucket()) {
                            out.add(a.assignment());
                            break;
                        }
                    }
                    break;
                }
            }
        }
        return out;
    }

    public int runningExperiments() {
        return layers.stream().mapToInt(l -> l.slots().size()).sum();
    }
}
