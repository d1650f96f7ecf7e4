package dev.surf.ad.decision;

import dev.surf.ranking.v1.CandidateScore;
import dev.surf.ranking.v1.RankerGrpc;
import dev.surf.ranking.v1.ScoreRequest;
import dev.surf.ranking.v1.ScoreResponse;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real gRPC server implementing Ranker, started by the tests (until ranking-service's real Score
 * lands): pCTR = 0.01 + (creative id mod 10) / 1000, pCVR = 0.05, or on demand slow, garbage, or down.
 */
public final class RankerFixture {
    public enum Mode { NORMAL, SLOW, NAN, WRONG_LENGTH, OUT_OF_RANGE }

    private static final RankerFixture INSTANCE = new RankerFixture(freePort());

    private final int port;
    private volatile Mode mode = Mode.NORMAL;
    private final AtomicLong calls = new AtomicLong();
    private Server server;

    private RankerFixture(int port) {
        this.port = port;
    }

    public static RankerFixture get() {
        return INSTANCE;
    }

    public int port() {
        return port;
    }

    public long calls() {
        return calls.get();
    }

    public void mode(Mode m) {
        this.mode = m;
    }

    public static double ctr(long creativeId) {
        return 0.01 + (creativeId % 10) / 1000.0;
    }

    public synchronized RankerFixture start() {
        if (server == null) {
            try {
                server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                        .addService(new Impl()).build().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /** Down: nothing listens on the port any more. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    private final class Impl extends RankerGrpc.RankerImplBase {
        @Override
        public void score(ScoreRequest req, StreamObserver<ScoreResponse> out) {
            calls.incrementAndGet();
            Mode m = mode;
            if (m == Mode.SLOW) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ScoreResponse.Builder b = ScoreResponse.newBuilder().setModelName("fixture").setModelVersion("fixture-1");
            for (var c : req.getCandidatesList()) {
                double ctr = switch (m) {
                    case NAN -> Double.NaN;
                    case OUT_OF_RANGE -> 1.5;
                    default -> ctr(c.getCreativeId());
                };
                b.addScores(CandidateScore.newBuilder().setCampaignId(c.getCampaignId()).setCreativeId(c.getCreativeId())
                        .setPCtr(ctr).setPCvr(0.05));
            }
            if (m == Mode.WRONG_LENGTH && b.getScoresCount() > 0) {
                b.removeScores(0);
            }
            out.onNext(b.build());
            out.onCompleted();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
