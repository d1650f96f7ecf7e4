package dev.surf.ad.decision;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The servable candidates, as an immutable snapshot swapped atomically: readers never lock and
 * never see half an update. Writers (one refresher thread) rebuild all or replace one campaign.
 */
@ApplicationScoped
public class CandidateIndex {
    /** A flat array for the hot loop, and the same candidates by campaign for single-campaign updates. */
    public record Snapshot(Candidate[] all, Map<Long, List<Candidate>> byCampaign) {
        static Snapshot of(Map<Long, List<Candidate>> byCampaign) {
            List<Candidate> flat = new ArrayList<>();
            byCampaign.values().forEach(flat::addAll);
            return new Snapshot(flat.toArray(Candidate[]::new), byCampaign);
        }
    }

    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(new Candidate[0], Map.of()));

    public Snapshot snapshot() {
        return current.get();
    }

    public synchronized void replaceAll(List<Candidate> candidates) {
        Map<Long, List<Candidate>> by = new HashMap<>();
        for (Candidate c : candidates) {
            by.computeIfAbsent(c.campaignId(), k -> new ArrayList<>()).add(c);
        }
        current.set(Snapshot.of(by));
    }

    public synchronized void replaceCampaign(long campaignId, List<Candidate> candidates) {
        Map<Long, List<Candidate>> by = new HashMap<>(current.get().byCampaign());
        if (candidates.isEmpty()) {
            by.remove(campaignId);
        } else {
            by.put(campaignId, List.copyOf(candidates));
        }
        current.set(Snapshot.of(by));
    }

    public int size() {
        return current.get().all().length;
    }
}
