package dev.surf.ad.account;

import java.time.Instant;

public record AdvertiserView(long id, String name, String currency, String timeZone, String status,
        Instant createdAt, long version) {
    static AdvertiserView of(Advertiser a) {
        return new AdvertiserView(a.id, a.name, a.currency.strip(), a.timeZone, a.status, a.createdAt, a.version);
    }
}
