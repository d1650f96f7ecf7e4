package dev.surf.ad.tracking;

import dev.surf.ad.auction.BidStrategy;
import java.util.Map;

/**
 * What a signed tracking token says: which event it may record, for which decision and ad, what
 * that event costs (only the billable kind of the campaign's strategy costs anything), until when,
 * and the experiment variants the user was in when the ad was chosen (so impressions, clicks and
 * conversions count for the variant that caused them).
 */
public record TrackingClaims(Kind kind, String decisionId, String userId, long advertiserId, long campaignId,
                             long adSetId, long creativeId, String placement, BidStrategy billing,
                             long chargeMicros, long expiresAtMs, String landingUrl, Map<String, String> variants) {

    public TrackingClaims {
        variants = variants == null ? Map.of() : Map.copyOf(variants);
    }

    /** Token kinds: an impression token cannot record a click and so on. */
    public enum Kind {
        IMPRESSION('I'), CLICK('C'), CONVERSION('V');

        final char code;

        Kind(char code) {
            this.code = code;
        }

        static Kind of(char c) {
            for (Kind k : values()) {
                if (k.code == c) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown token kind");
        }
    }

    public TrackingClaims as(Kind newKind, long newExpiry) {
        return new TrackingClaims(newKind, decisionId, userId, advertiserId, campaignId, adSetId, creativeId,
                placement, billing, chargeMicros, newExpiry, landingUrl, variants);
    }

    /** The price this event charges: CPM bills impressions, CPC clicks, target CPA conversions. */
    public long priceFor(Kind event) {
        boolean billable = switch (billing) {
            case CPM -> event == Kind.IMPRESSION;
            case CPC -> event == Kind.CLICK;
            case TARGET_CPA -> event == Kind.CONVERSION;
        };
        return billable ? chargeMicros : 0;
    }
}
