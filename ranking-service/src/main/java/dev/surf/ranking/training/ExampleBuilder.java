package dev.surf.ranking.training;

import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import dev.surf.ranking.model.Counters;
import dev.surf.ranking.model.DenseFeatures;
import dev.surf.ranking.model.ModelContract;
import dev.surf.ranking.model.Priors;
import dev.surf.ranking.model.RawFeatures;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Training examples from the signal log: each impression joined by (decision id, creative id) with
 * the first click inside the click window and a conversion inside the conversion window after it.
 * Dense features are computed point-in-time (only events before the impression), with the same
 * {@link DenseFeatures} the scorer uses. Duplicate event ids count once; impressions younger than
 * the click window (relative to the newest event) are left out because their label is not final.
 */
public final class ExampleBuilder {
    private final Duration clickWindow;
    private final Duration conversionWindow;
    private final Duration userWindow;
    private final Priors priors;

    public ExampleBuilder(Duration clickWindow, Duration conversionWindow, Duration userWindow, Priors priors) {
        this.clickWindow = clickWindow;
        this.conversionWindow = conversionWindow;
        this.userWindow = userWindow;
        this.priors = priors;
    }

    private record Key(String decisionId, long creativeId) {
    }

    public List<Example> build(List<UserSignal> signals) {
        Set<String> seen = new HashSet<>();
        List<UserSignal> events = new ArrayList<>();
        for (UserSignal s : signals) {
            if (seen.add(s.getEventId())) {
                events.add(s);
            }
        }
        events.sort(Comparator.comparingLong(UserSignal::getTimeMs));
        long watermark = events.isEmpty() ? 0 : events.getLast().getTimeMs();

        Map<Key, Long> impressionTime = new HashMap<>();
        Map<Key, Long> firstClick = new HashMap<>();
        Map<Key, Long> firstConversion = new HashMap<>();
        for (UserSignal s : events) {
            Key k = new Key(s.getDecisionId(), s.getCreativeId());
            switch (s.getKind()) {
                case IMPRESSION -> impressionTime.putIfAbsent(k, s.getTimeMs());
                case CLICK -> firstClick.putIfAbsent(k, s.getTimeMs());
                case CONVERSION -> firstConversion.putIfAbsent(k, s.getTimeMs());
                default -> {
                }
            }
        }

        History history = new History(userWindow.toMillis());
        Set<Key> emitted = new HashSet<>();
        List<Example> out = new ArrayList<>();
        for (UserSignal s : events) {
            Key k = new Key(s.getDecisionId(), s.getCreativeId());
            if (s.getKind() == SignalKind.IMPRESSION && !s.getDecisionId().isEmpty() && emitted.add(k)
                    && s.getTimeMs() + clickWindow.toMillis() <= watermark) {
                out.add(example(s, k, firstClick, firstConversion, history));
            }
            // Clicks and conversions only count for their own impression's window (no orphan labels).
            Long imp = impressionTime.get(k);
            boolean attributed = switch (s.getKind()) {
                case IMPRESSION -> true;
                case CLICK -> imp != null && s.getTimeMs() - imp <= clickWindow.toMillis() && s.getTimeMs() >= imp;
                case CONVERSION -> firstClick.containsKey(k) && s.getTimeMs() >= firstClick.get(k)
                        && s.getTimeMs() - firstClick.get(k) <= conversionWindow.toMillis();
                default -> false;
            };
            if (attributed) {
                history.add(s);
            }
        }
        return out;
    }

    private Example example(UserSignal s, Key k, Map<Key, Long> clicks, Map<Key, Long> conversions, History history) {
        long t = s.getTimeMs();
        Long click = clicks.get(k);
        boolean clicked = click != null && click >= t && click - t <= clickWindow.toMillis();
        Long conv = conversions.get(k);
        boolean converted = clicked && conv != null && conv >= click && conv - click <= conversionWindow.toMillis();
        String category = s.getContext().getCategory();
        RawFeatures raw = fromSignal(s);
        long[] sparse = new long[ModelContract.SPARSE_SLOTS];
        raw.encode(sparse, 0);
        float[] dense = new float[ModelContract.DENSE_FEATURES];
        history.evict(s.getUserId(), t);
        DenseFeatures.fill(dense, 0, history.creative(s.getCreativeId()), history.campaign(s.getCampaignId()),
                history.user(s.getUserId()), history.userCategoryClicks(s.getUserId(), category), priors);
        return new Example(t, sparse, dense, clicked, converted);
    }

    /** The sparse raw features a logged impression carries; user attributes it lacks stay unknown. */
    static RawFeatures fromSignal(UserSignal s) {
        var ctx = s.getContext();
        String hour = Integer.toString(Instant.ofEpochMilli(s.getTimeMs()).atZone(ZoneOffset.UTC).getHour());
        String keyword = ctx.getKeywordsCount() == 0 ? "" : ctx.getKeywords(0);
        return new RawFeatures(ctx.getCountry(), ctx.getDevice(), s.getPlacement(), hour, s.getCampaignId(), s.getCreativeId(),
                s.getAdvertiserId(), s.getAdSetId(), ctx.getCategory(), "", "", "", keyword);
    }

    /** Running counts: all-time per creative and campaign, sliding window per user. */
    private static final class History {
        private record UserEvent(long time, SignalKind kind, String category) {
        }

        private final long windowMs;
        private final Map<Long, Counters> creatives = new HashMap<>();
        private final Map<Long, Counters> campaigns = new HashMap<>();
        private final Map<String, Deque<UserEvent>> users = new HashMap<>();

        History(long windowMs) {
            this.windowMs = windowMs;
        }

        void add(UserSignal s) {
            Counters delta = switch (s.getKind()) {
                case IMPRESSION -> new Counters(1, 0, 0);
                case CLICK -> new Counters(0, 1, 0);
                case CONVERSION -> new Counters(0, 0, 1);
                default -> Counters.ZERO;
            };
            creatives.merge(s.getCreativeId(), delta, Counters::plus);
            campaigns.merge(s.getCampaignId(), delta, Counters::plus);
            users.computeIfAbsent(s.getUserId(), u -> new ArrayDeque<>())
                    .addLast(new UserEvent(s.getTimeMs(), s.getKind(), s.getContext().getCategory()));
        }

        void evict(String user, long now) {
            Deque<UserEvent> q = users.get(user);
            while (q != null && !q.isEmpty() && q.peekFirst().time() < now - windowMs) {
                q.pollFirst();
            }
        }

        Counters creative(long id) {
            return creatives.getOrDefault(id, Counters.ZERO);
        }

        Counters campaign(long id) {
            return campaigns.getOrDefault(id, Counters.ZERO);
        }

        Counters user(String id) {
            long imps = 0;
            long clicks = 0;
            long convs = 0;
            for (UserEvent e : users.getOrDefault(id, new ArrayDeque<>())) {
                switch (e.kind()) {
                    case IMPRESSION -> imps++;
                    case CLICK -> clicks++;
                    case CONVERSION -> convs++;
                    default -> {
                    }
                }
            }
            return new Counters(imps, clicks, convs);
        }

        long userCategoryClicks(String id, String category) {
            long n = 0;
            for (UserEvent e : users.getOrDefault(id, new ArrayDeque<>())) {
                if (e.kind() == SignalKind.CLICK && e.category().equals(category)) {
                    n++;
                }
            }
            return n;
        }
    }
}
