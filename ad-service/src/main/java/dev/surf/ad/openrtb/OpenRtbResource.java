package dev.surf.ad.openrtb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surf.ad.decision.DecisionRequest;
import dev.surf.ad.decision.DecisionResult;
import dev.surf.ad.decision.DecisionService;
import dev.surf.ad.decision.Problems;
import dev.surf.ad.decision.OffEventLoop;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * OpenRTB 2.6 bidder endpoint: exchanges POST a BidRequest, we answer a BidResponse with one bid per
 * banner impression we can fill (price = our GSP clearing CPM, at least the floor), or 204 for no bid.
 * nurl and burl are the ad's signed impression URL: a win notice, a billing notice and the pixel in
 * the markup all record the same impression event, counted once.
 */
@Path("/openrtb2/bid")
public class OpenRtbResource {
    private final DecisionService decisions;
    private final ObjectMapper json;
    private final String currency;
    private final String seat;

    public OpenRtbResource(DecisionService decisions, ObjectMapper json,
                           @ConfigProperty(name = "surf.openrtb.currency", defaultValue = "USD") String currency,
                           @ConfigProperty(name = "surf.openrtb.seat", defaultValue = "surf") String seat) {
        this.decisions = decisions;
        this.json = json;
        this.currency = currency;
        this.seat = seat;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.TYPE})
    @Operation(summary = "OpenRTB 2.6 bid request -> bid response (204 = no bid)")
    public Uni<Response> bid(@RequestBody(content = @Content(schema = @Schema(implementation = BidRequest.class))) byte[] body) {
        return OffEventLoop.run(respond(body));
    }

    /** Validation on the event loop; the auctions (which wait for the ranking call) on a worker. */
    private java.util.function.Supplier<Response> respond(byte[] body) {
        BidRequest request;
        try {
            request = body == null || body.length == 0 ? null : json.readValue(body, BidRequest.class);
        } catch (JsonProcessingException e) {
            return OffEventLoop.answer(Problems.of(400, "Malformed bid request", "body is not an OpenRTB BidRequest: "
                    + e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            return OffEventLoop.answer(Problems.of(400, "Malformed bid request", "body could not be read"));
        }
        if (request == null) {
            return OffEventLoop.answer(Problems.of(400, "Malformed bid request", "body is required"));
        }
        List<String> problems = OpenRtbMapper.problems(request);
        if (!problems.isEmpty()) {
            return OffEventLoop.answer(Problems.of(400, "Invalid bid request", String.join("; ", problems), problems));
        }
        return () -> auction(request);
    }

    private Response auction(BidRequest request) {
        List<BidResponse.Bid> bids = new ArrayList<>();
        for (BidRequest.Imp imp : request.imp()) {
            if (!OpenRtbMapper.biddable(request, imp, currency)) {
                continue;
            }
            DecisionRequest dr = OpenRtbMapper.toDecision(request, imp).normalized();
            DecisionResult result = decisions.decide(dr, OpenRtbMapper.floorMicros(imp));
            if (result.ads().isEmpty()) {
                continue;
            }
            DecisionResult.Ad ad = result.ads().getFirst();
            Integer w = imp.banner().w();
            Integer h = imp.banner().h();
            if ((w == null || h == null) && imp.banner().format() != null && !imp.banner().format().isEmpty()) {
                w = imp.banner().format().getFirst().w();
                h = imp.banner().format().getFirst().h();
            }
            bids.add(new BidResponse.Bid(result.decisionId() + ":" + imp.id(), imp.id(),
                    Math.round(ad.clearingEcpmMicros()) / 1_000_000.0, Long.toString(ad.creativeId()),
                    ad.tracking().impressionUrl(), ad.tracking().impressionUrl(), markup(ad, w, h),
                    null, Long.toString(ad.campaignId()), Long.toString(ad.creativeId()), w, h));
        }
        if (bids.isEmpty()) {
            return Response.noContent().build();
        }
        return Response.ok(new BidResponse(request.id(), List.of(new BidResponse.SeatBid(bids, seat)), null, currency))
                .type(MediaType.APPLICATION_JSON).build();
    }

    /** Banner markup: the image linked through the click URL, plus the impression pixel. */
    static String markup(DecisionResult.Ad ad, Integer w, Integer h) {
        String size = (w == null ? "" : " width=\"" + w + "\"") + (h == null ? "" : " height=\"" + h + "\"");
        String img = ad.imageUrl() == null
                ? "<span>" + esc(ad.headline()) + "</span>"
                : "<img src=\"" + esc(ad.imageUrl()) + "\"" + size + " alt=\"" + esc(ad.headline()) + "\">";
        return "<a href=\"" + esc(ad.tracking().clickUrl()) + "\" target=\"_blank\" rel=\"noopener\">" + img + "</a>"
                + "<img src=\"" + esc(ad.tracking().impressionUrl()) + "\" width=\"1\" height=\"1\" style=\"display:none\" alt=\"\">";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
