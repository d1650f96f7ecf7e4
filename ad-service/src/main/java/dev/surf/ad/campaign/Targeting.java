package dev.surf.ad.campaign;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The targeting vocabulary ad sets are validated against (and the decision path matches on). */
public final class Targeting {
    public enum Gender { FEMALE, MALE, OTHER }

    public enum Placement { FEED, SEARCH, SIDEBAR, STORIES, VIDEO, ARTICLE }

    public enum Device { DESKTOP, MOBILE, TABLET, CTV }

    public enum FrequencyPeriod { HOUR, DAY, WEEK }

    /** Interest categories: lower-case ids, the only values an ad set's interests may hold. */
    public static final List<String> INTERESTS = List.of(
            "automotive", "beauty", "books", "business", "cooking", "education", "fashion", "finance", "fitness",
            "food", "gaming", "gardening", "health", "home", "investing", "movies", "music", "outdoors", "parenting",
            "pets", "photography", "real_estate", "running", "sports", "technology", "travel");

    public static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Targeting() {
    }
}
