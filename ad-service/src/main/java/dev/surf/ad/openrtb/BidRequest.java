package dev.surf.ad.openrtb;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The parts of an OpenRTB 2.6 BidRequest this bidder reads; everything else is ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BidRequest(String id, List<Imp> imp, Site site, App app, Device device, User user, Integer test,
                         Integer at, Long tmax, List<String> cur, List<String> bcat, List<String> badv) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Imp(String id, Banner banner, @JsonProperty("native") JsonNode nativeObject, JsonNode video,
                      JsonNode audio, Double bidfloor, String bidfloorcur, String tagid, Integer secure) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Banner(Integer w, Integer h, List<Format> format) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Format(Integer w, Integer h) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Site(String id, String domain, String page, String keywords, List<String> cat) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record App(String id, String bundle, String keywords, List<String> cat) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Device(String ua, Geo geo, Integer devicetype, String ifa, String os) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Geo(String country, String region) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String id, String buyeruid, Integer yob, String gender, String keywords, Geo geo) {
    }
}
