package dev.surf.ranking.scoring;

import dev.surf.ranking.v1.Candidate;
import dev.surf.ranking.v1.ScoreRequest;
import java.util.List;

/** Checks a Score request before any work; a failure message names the offending field. */
public final class ScoreRequestValidator {
    static final int MAX_TEXT = 256;
    static final int MAX_LIST = 64;
    private final int maxCandidates;

    public ScoreRequestValidator(int maxCandidates) {
        this.maxCandidates = maxCandidates;
    }

    /** Throws {@link IllegalArgumentException} with a clear message for the first problem found. */
    public void validate(ScoreRequest r) {
        int n = r.getCandidatesCount();
        if (n == 0) {
            throw new IllegalArgumentException("candidates must not be empty");
        }
        if (n > maxCandidates) {
            throw new IllegalArgumentException("at most " + maxCandidates + " candidates per request, got " + n);
        }
        if (!r.hasUser() || r.getUser().getUserId().isBlank()) {
            throw new IllegalArgumentException("user.user_id is required");
        }
        var u = r.getUser();
        text("user.user_id", u.getUserId());
        text("user.country", u.getCountry());
        text("user.gender", u.getGender());
        if (u.getAge() < 0 || u.getAge() > 150) {
            throw new IllegalArgumentException("user.age must be within 0..150 (0 = unknown), got " + u.getAge());
        }
        list("user.interests", u.getInterestsList());
        var c = r.getContext();
        if (c.getHourOfDay() < -1 || c.getHourOfDay() > 23) {
            throw new IllegalArgumentException("context.hour_of_day must be within 0..23 or -1 (unknown), got " + c.getHourOfDay());
        }
        text("context.placement", c.getPlacement());
        text("context.device", c.getDevice());
        if (c.getUrl().length() > 4096) {
            throw new IllegalArgumentException("context.url is longer than 4096 characters");
        }
        list("context.keywords", c.getKeywordsList());
        text("model_version", r.getModelVersion());
        for (int i = 0; i < n; i++) {
            Candidate cand = r.getCandidates(i);
            if (cand.getCampaignId() <= 0) {
                throw new IllegalArgumentException("candidates[" + i + "].campaign_id must be a positive id, got " + cand.getCampaignId());
            }
            if (cand.getCreativeId() <= 0) {
                throw new IllegalArgumentException("candidates[" + i + "].creative_id must be a positive id, got " + cand.getCreativeId());
            }
            if (cand.getAdvertiserId() < 0 || cand.getAdSetId() < 0) {
                throw new IllegalArgumentException("candidates[" + i + "] has a negative advertiser_id or ad_set_id");
            }
            List<String> categories = cand.getCategoriesList();
            // Field names are built only for a message: this loop runs for every candidate of every request.
            if (categories.size() > MAX_LIST) {
                throw new IllegalArgumentException("candidates[" + i + "].categories has more than " + MAX_LIST + " entries");
            }
            for (int k = 0; k < categories.size(); k++) {
                String problem = problem(categories.get(k));
                if (problem != null) {
                    throw new IllegalArgumentException("candidates[" + i + "].categories[" + k + "] " + problem);
                }
            }
        }
    }

    private static void text(String field, String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(field + " " + problem);
        }
    }

    /** What is wrong with a text value, or null. */
    private static String problem(String value) {
        if (value.length() > MAX_TEXT) {
            return "is longer than " + MAX_TEXT + " characters";
        }
        for (int k = 0; k < value.length(); k++) {
            if (Character.isISOControl(value.charAt(k))) {
                return "contains control characters";
            }
        }
        return null;
    }

    private static void list(String field, List<String> values) {
        if (values.size() > MAX_LIST) {
            throw new IllegalArgumentException(field + " has more than " + MAX_LIST + " entries");
        }
        for (int i = 0; i < values.size(); i++) {
            String problem = problem(values.get(i));
            if (problem != null) {
                throw new IllegalArgumentException(field + "[" + i + "] " + problem);
            }
        }
    }
}
