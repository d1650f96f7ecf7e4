package dev.surf.ad.campaign;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdSet")
public record AdSetView(long id, long advertiserId, long campaignId, String name, AdSetStatus status,
        List<String> countries, List<String> regions, Integer ageMin, Integer ageMax, List<String> genders,
        List<String> interests, List<String> keywords, List<String> placements, List<String> devices,
        Integer frequencyCap, String frequencyPeriod, List<Integer> dayparting, Instant createdAt, Instant updatedAt,
        @Schema(description = "Row version; also the ETag") long version) {
    static AdSetView of(AdSet a) {
        return new AdSetView(a.id, a.advertiserId, a.campaignId, a.name, a.status, List.of(a.countries),
                List.of(a.regions), a.ageMin, a.ageMax, List.of(a.genders), List.of(a.interests), List.of(a.keywords),
                List.of(a.placements), List.of(a.devices), a.frequencyCap, a.frequencyPeriod, List.of(a.dayparting),
                a.createdAt, a.updatedAt, a.version);
    }
}
