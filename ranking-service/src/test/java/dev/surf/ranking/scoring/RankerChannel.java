package dev.surf.ranking.scoring;

import dev.surf.ranking.v1.Candidate;
import dev.surf.ranking.v1.RankerGrpc;
import dev.surf.ranking.v1.ScoreContext;
import dev.surf.ranking.v1.ScoreRequest;
import dev.surf.ranking.v1.UserFeatures;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.net.URL;
import java.util.concurrent.TimeUnit;

/** A plaintext gRPC channel to the service under test (gRPC shares the HTTP port). */
public final class RankerChannel implements AutoCloseable {
    private final ManagedChannel channel;

    public RankerChannel(URL httpUrl) {
        this.channel = NettyChannelBuilder.forAddress(httpUrl.getHost(), httpUrl.getPort()).usePlaintext().build();
    }

    public RankerGrpc.RankerBlockingStub blocking() {
        return RankerGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    public static ScoreRequest request(String user, int candidates) {
        ScoreRequest.Builder r = ScoreRequest.newBuilder().setRequestId("r-" + user)
                .setUser(UserFeatures.newBuilder().setUserId(user).setCountry("DE").setAge(31).setGender("f").addInterests("sports"))
                .setContext(ScoreContext.newBuilder().setPlacement("feed").setDevice("mobile").setHourOfDay(14).addKeywords("running"));
        for (int i = 0; i < candidates; i++) {
            r.addCandidates(Candidate.newBuilder().setCampaignId(100 + i % 7).setCreativeId(1000 + i).setAdvertiserId(9)
                    .setAdSetId(50 + i % 3).addCategories(i % 2 == 0 ? "sports" : "travel"));
        }
        return r.build();
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
