package dev.surf.creative.policy;

import dev.surf.creative.generation.AdCopy;
import dev.surf.events.CreativeRules;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ad policy checks run on every variant before it is offered. Each failed check adds a reason; a
 * variant passes only with none.
 */
public final class PolicyChecker {
    /** Second person: the copy speaks to the reader. */
    private static final Pattern SECOND_PERSON = Pattern.compile("\\b(you|you're|youre|your|yours|yourself|u|ur)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Sensitive personal attributes (health, beliefs, sexuality, finances, criminal record...). */
    private static final Pattern SENSITIVE = Pattern.compile("\\b(depress\\w*|anxi\\w*|bipolar|adhd|autis\\w*|diabet\\w*|"
            + "cancer|hiv|aids|std|obes\\w*|overweight|fat|pregnan\\w*|infertil\\w*|disab\\w*|addict\\w*|alcoholi\\w*|"
            + "gay|lesbian|bisexual|transgender|trans|queer|christian|muslim|jewish|jew|hindu|buddhist|atheist|"
            + "bankrupt\\w*|debt|broke|poor|unemployed|divorc\\w*|single|arrest\\w*|criminal|immigra\\w*|illegal|"
            + "black|white|asian|latino|latina|hispanic|old|elderly|ugly|bald\\w*|acne|suicid\\w*|illness|sick)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REPEATED_PUNCTUATION = Pattern.compile("[!?]{2,}|\\.{4,}|[,;:]{2,}");
    private static final Pattern URL_OR_DOMAIN = Pattern.compile(
            "(?i)\\b(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
                    + "(?:com|net|org|io|co|shop|store|app|dev|ai|info|biz|me|tv|online|site|eu|us|uk|de|fr|es|it|nl|ca|au))"
                    + "\\b(?::\\d+)?(?:/[^\\s]*)?");

    private final List<String> globalBannedTerms;
    private final double maxCapitalRatio;
    private final int maxExclamations;

    /**
     * @param globalBannedTerms terms no advertiser may use
     * @param maxCapitalRatio   largest share of upper-case letters a field may have (fields of 8+ letters)
     * @param maxExclamations   most '!' in one variant
     */
    public PolicyChecker(Collection<String> globalBannedTerms, double maxCapitalRatio, int maxExclamations) {
        this.globalBannedTerms = globalBannedTerms.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.maxCapitalRatio = maxCapitalRatio;
        this.maxExclamations = maxExclamations;
    }

    /**
     * @param advertiserTerms banned for this advertiser (request banned terms and the brief's must-not-say)
     * @param landingUrl      where the ad leads; any URL or domain in the copy must be on it
     */
    public Verdict check(AdCopy copy, Collection<String> advertiserTerms, String landingUrl) {
        List<String> reasons = new ArrayList<>();
        Map<String, String> fields = Map.of("headline", copy.headline(), "primary_text", copy.primaryText(),
                "description", copy.description());
        lengths(copy, reasons);
        for (String field : List.of("headline", "primary_text", "description")) {
            String text = fields.get(field);
            bannedTerms(field, text, globalBannedTerms, "globally banned", reasons);
            bannedTerms(field, text, advertiserTerms, "banned for this advertiser", reasons);
            personalAttributes(field, text, reasons);
            capitals(field, text, reasons);
            punctuation(field, text, reasons);
            domains(field, text, landingUrl, reasons);
        }
        long bangs = (copy.headline() + copy.primaryText() + copy.description()).chars().filter(c -> c == '!').count();
        if (bangs > maxExclamations) {
            reasons.add("excessive punctuation: " + bangs + " exclamation marks (max " + maxExclamations + ")");
        }
        if (!CreativeRules.CALLS_TO_ACTION.contains(copy.callToAction())) {
            reasons.add("call to action " + copy.callToAction() + " is not allowed");
        }
        return Verdict.of(reasons);
    }

    private static void lengths(AdCopy c, List<String> reasons) {
        length("headline", c.headline(), CreativeRules.HEADLINE_MAX, reasons);
        length("primary_text", c.primaryText(), CreativeRules.PRIMARY_TEXT_MAX, reasons);
        length("description", c.description(), CreativeRules.DESCRIPTION_MAX, reasons);
    }

    private static void length(String field, String v, int max, List<String> reasons) {
        if (v == null || v.isBlank()) {
            reasons.add(field + " is empty");
        } else if (v.codePointCount(0, v.length()) > max) {
            reasons.add(field + " is " + v.codePointCount(0, v.length()) + " characters (max " + max + ")");
        }
    }

    private static void bannedTerms(String field, String text, Collection<String> terms, String why, List<String> reasons) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String term : terms) {
            String t = term.strip().toLowerCase(Locale.ROOT);
            if (!t.isEmpty() && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(t) + "(?![\\p{L}\\p{N}])").matcher(lower).find()) {
                reasons.add(field + " contains \"" + term.strip() + "\" (" + why + ")");
            }
        }
    }

    /** "Are you depressed?": a sentence that addresses the reader and names a sensitive attribute. */
    private static void personalAttributes(String field, String text, List<String> reasons) {
        for (String sentence : text.split("(?<=[.!?])\\s+")) {
            Matcher attr = SENSITIVE.matcher(sentence);
            if (SECOND_PERSON.matcher(sentence).find() && attr.find()) {
                reasons.add(field + " asserts a personal attribute of the reader (\"" + attr.group() + "\" addressed to \"you\")");
                return;
            }
        }
    }

    private void capitals(String field, String text, List<String> reasons) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long upper = text.codePoints().filter(Character::isUpperCase).count();
        if (letters >= 8 && upper > maxCapitalRatio * letters) {
            reasons.add(field + " has excessive capitals (" + Math.round(100.0 * upper / letters) + "% upper case)");
        }
    }

    private static void punctuation(String field, String text, List<String> reasons) {
        Matcher m = REPEATED_PUNCTUATION.matcher(text);
        if (m.find()) {
            reasons.add(field + " has excessive punctuation (\"" + m.group() + "\")");
        }
    }

    private static void domains(String field, String text, String landingUrl, List<String> reasons) {
        Optional<String> landing = host(landingUrl);
        Matcher m = URL_OR_DOMAIN.matcher(text);
        while (m.find()) {
            String host = m.group(1).toLowerCase(Locale.ROOT);
            if (landing.isEmpty()) {
                reasons.add(field + " names " + host + " but the request has no landing URL");
            } else if (!sameSite(host, landing.get())) {
                reasons.add(field + " names " + host + ", which is not the landing domain " + landing.get());
            }
        }
    }

    static Optional<String> host(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            String h = URI.create(url.strip()).getHost();
            return Optional.ofNullable(h).map(s -> s.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Same site: equal hosts or one a subdomain of the other (shop.example.com and example.com). */
    static boolean sameSite(String a, String b) {
        String x = a.startsWith("www.") ? a.substring(4) : a;
        String y = b.startsWith("www.") ? b.substring(4) : b;
        return x.equals(y) || x.endsWith("." + y) || y.endsWith("." + x);
    }
}
