package dev.surf.ad.tracking;

import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the signed tracking URLs handed out with each ad. */
@Singleton
public class TrackingUrls {
    private final TrackingTokens tokens;
    private final String baseUrl;
    private final long ttlMs;
    private final long conversionTtlMs;

    public TrackingUrls(@ConfigProperty(name = "surf.tracking.secret") String secret,
                        @ConfigProperty(name = "surf.tracking.base-url", defaultValue = "http://127.0.0.1:8080") String baseUrl,
                        @ConfigProperty(name = "surf.tracking.ttl", defaultValue = "PT24H") Duration ttl,
                        @ConfigProperty(name = "surf.tracking.conversion-ttl", defaultValue = "P30D") Duration conversionTtl) {
        this.tokens = new TrackingTokens(secret);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.ttlMs = ttl.toMillis();
        this.conversionTtlMs = conversionTtl.toMillis();
    }

    public TrackingTokens tokens() {
        return tokens;
    }

    /** Impression and click URLs for one served ad; the claims' kind and expiry are set here. */
    public String[] forAd(TrackingClaims claims, long nowMs) {
        long exp = nowMs + ttlMs;
        return new String[] {
            baseUrl + "/t/imp?t=" + tokens.sign(claims.as(TrackingClaims.Kind.IMPRESSION, exp)),
            baseUrl + "/t/click?t=" + tokens.sign(claims.as(TrackingClaims.Kind.CLICK, exp))
        };
    }

    /** The conversion token handed to the landing page on click (as ?surf_cv=...). */
    public String conversionToken(TrackingClaims click, long nowMs) {
        return tokens.sign(click.as(TrackingClaims.Kind.CONVERSION, nowMs + conversionTtlMs));
    }

    public String conversionUrlBase() {
        return baseUrl + "/t/conv";
    }
}
