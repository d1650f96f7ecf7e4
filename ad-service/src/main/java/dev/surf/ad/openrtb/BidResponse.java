package dev.surf.ad.openrtb;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** OpenRTB 2.6 BidResponse: one seat, one bid per impression won; prices are CPM in {@code cur}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BidResponse(String id, List<SeatBid> seatbid, String bidid, String cur) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SeatBid(List<Bid> bid, String seat) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bid(String id, String impid, double price, String adid, String nurl, String burl, String adm,
                      List<String> adomain, String cid, String crid, Integer w, Integer h) {
    }
}
