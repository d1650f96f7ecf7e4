package dev.surf.ad.openrtb;

import dev.surf.ad.decision.DecisionRequest;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Validates a BidRequest and turns each impression into the decision path's request. */
public final class OpenRtbMapper {
    private static final Map<String, String> ALPHA3_TO_2 = new HashMap<>();

    static {
        for (String a2 : Locale.getISOCountries()) {
            ALPHA3_TO_2.put(Locale.of("", a2).getISO3Country(), a2);
        }
    }

    private OpenRtbMapper() {
    }

    /** Reasons the request is malformed (4xx), empty when it can be bid on. */
    public static List<String> problems(BidRequest r) {
        List<String> p = new ArrayList<>();
        if (r.id() == null || r.id().isBlank()) {
            p.add("id is required");
        } else if (r.id().length() > 256) {
            p.add("id is too long");
        }
        if (r.imp() == null || r.imp().isEmpty()) {
            p.add("imp must hold at least one Imp");
            return p;
        }
        if (r.imp().size() > 100) {
            p.add("too many imp objects");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < r.imp().size(); i++) {
            BidRequest.Imp imp = r.imp().get(i);
            if (imp == null) {
                p.add("imp[" + i + "] is null");
                continue;
            }
            if (imp.id() == null || imp.id().isBlank()) {
                p.add("imp[" + i + "].id is required");
            } else if (!ids.add(imp.id())) {
                p.add("imp[" + i + "].id is not unique");
            }
            if (imp.bidfloor() != null && (imp.bidfloor().isNaN() || imp.bidfloor() < 0 || imp.bidfloor() > 1_000_000)) {
                p.add("imp[" + i + "].bidfloor must be a non-negative CPM");
            }
            if (imp.tagid() != null && imp.tagid().length() > DecisionRequest.MAX_FIELD) {
                p.add("imp[" + i + "].tagid is too long");
            }
        }
        if (r.site() != null && r.app() != null) {
            p.add("site and app must not both be present");
        }
        if (r.user() != null && r.user().yob() != null && (r.user().yob() < 1880 || r.user().yob() > Year.now().getValue())) {
            p.add("user.yob is not a plausible year");
        }
        return p;
    }

    /** Whether this bidder can serve the impression (banner only) in a currency it bids in. */
    public static boolean biddable(BidRequest r, BidRequest.Imp imp, String currency) {
        boolean currencyOk = (r.cur() == null || r.cur().isEmpty() || r.cur().contains(currency))
                && (imp.bidfloorcur() == null || imp.bidfloorcur().equals(currency));
        return imp.banner() != null && currencyOk;
    }

    public static long floorMicros(BidRequest.Imp imp) {
        return imp.bidfloor() == null ? 0 : Math.round(imp.bidfloor() * 1_000_000);
    }

    public static DecisionRequest toDecision(BidRequest r, BidRequest.Imp imp) {
        BidRequest.User u = r.user();
        BidRequest.Device d = r.device();
        String userId = u != null && notBlank(u.id()) ? u.id()
                : u != null && notBlank(u.buyeruid()) ? u.buyeruid()
                : d != null && notBlank(d.ifa()) ? d.ifa() : "anon:" + r.id();
        BidRequest.Geo geo = d != null && d.geo() != null ? d.geo() : u != null ? u.geo() : null;
        String country = geo == null || geo.country() == null ? null : alpha2(geo.country());
        Integer age = u != null && u.yob() != null ? Year.now().getValue() - u.yob() : null;
        String gender = u == null || u.gender() == null ? null : switch (u.gender().toUpperCase(Locale.ROOT)) {
            case "M" -> "male";
            case "F" -> "female";
            case "O" -> "other";
            default -> null;
        };
        List<String> keywords = new ArrayList<>();
        if (r.site() != null) {
            split(r.site().keywords(), keywords);
        }
        if (r.app() != null) {
            split(r.app().keywords(), keywords);
        }
        if (u != null) {
            split(u.keywords(), keywords);
        }
        String placement = notBlank(imp.tagid()) ? imp.tagid() : "openrtb";
        String url = r.site() != null ? r.site().page() : null;
        String device = d == null || d.devicetype() == null ? null : switch (d.devicetype()) {
            case 1, 4 -> "mobile";
            case 2 -> "desktop";
            case 3, 7 -> "ctv";
            case 5 -> "tablet";
            default -> "other";
        };
        return new DecisionRequest(placement,
                new DecisionRequest.User(userId, country, geo == null ? null : geo.region(), age, gender, List.of()),
                new DecisionRequest.Context(url, keywords.size() > DecisionRequest.MAX_LIST
                        ? keywords.subList(0, DecisionRequest.MAX_LIST) : keywords, device), 1);
    }

    static String alpha2(String country) {
        String c = country.trim().toUpperCase(Locale.ROOT);
        return c.length() == 3 ? ALPHA3_TO_2.getOrDefault(c, c) : c;
    }

    private static void split(String csv, List<String> out) {
        if (csv == null) {
            return;
        }
        for (String k : csv.split(",")) {
            String t = k.trim();
            if (!t.isEmpty() && t.length() <= DecisionRequest.MAX_FIELD) {
                out.add(t);
            }
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
