package dev.surf.ad.decision;

import java.util.ArrayList;
import java.util.List;

/** Body of POST /v1/decisions. Lists may be absent in JSON; {@link #normalized()} fills them in. */
public record DecisionRequest(String placement, User user, Context context, Integer n) {
    public static final int MAX_FIELD = 512;
    public static final int MAX_LIST = 64;

    public record User(String id, String country, String region, Integer age, String gender, List<String> interests) {
    }

    public record Context(String url, List<String> keywords, String device) {
    }

    /** What is wrong with the request, empty when it is valid. */
    public List<String> problems(int maxAds) {
        List<String> p = new ArrayList<>();
        if (placement == null || placement.isBlank()) {
            p.add("placement is required");
        } else if (placement.length() > MAX_FIELD) {
            p.add("placement is too long");
        }
        if (user == null || user.id() == null || user.id().isBlank()) {
            p.add("user.id is required");
        } else {
            checkText(p, "user.id", user.id());
            checkText(p, "user.country", user.country());
            checkText(p, "user.region", user.region());
            checkText(p, "user.gender", user.gender());
            checkList(p, "user.interests", user.interests());
            if (user.age() != null && (user.age() < 0 || user.age() > 150)) {
                p.add("user.age must be between 0 and 150");
            }
        }
        if (context != null) {
            if (context.url() != null && context.url().length() > 2048) {
                p.add("context.url is too long");
            }
            checkList(p, "context.keywords", context.keywords());
            checkText(p, "context.device", context.device());
        }
        if (n != null && (n < 1 || n > maxAds)) {
            p.add("n must be between 1 and " + maxAds);
        }
        return p;
    }

    private static void checkText(List<String> p, String name, String v) {
        if (v != null && v.length() > MAX_FIELD) {
            p.add(name + " is too long");
        }
    }

    private static void checkList(List<String> p, String name, List<String> v) {
        if (v == null) {
            return;
        }
        if (v.size() > MAX_LIST) {
            p.add(name + " has more than " + MAX_LIST + " entries");
        }
        for (String s : v) {
            if (s == null || s.length() > MAX_FIELD) {
                p.add(name + " has a null or too long entry");
                return;
            }
        }
    }

    /** Empty lists instead of nulls, a context always present, n defaulted to 1. */
    public DecisionRequest normalized() {
        User u = new User(user.id(), user.country(), user.region(), user.age(), user.gender(),
                user.interests() == null ? List.of() : user.interests());
        Context c = context == null ? new Context(null, List.of(), null)
                : new Context(context.url(), context.keywords() == null ? List.of() : context.keywords(), context.device());
        return new DecisionRequest(placement, u, c, n == null ? 1 : n);
    }
}
