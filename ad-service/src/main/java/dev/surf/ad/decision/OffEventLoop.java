package dev.surf.ad.decision;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * For endpoints that validate on the event loop (the framework has read the whole body: no
 * blocking body stream, no hand-off per chunk) and then do blocking work: an answer known at once is
 * returned as is, anything else runs on the worker pool.
 */
public final class OffEventLoop {
    private OffEventLoop() {
    }

    /** An answer that needs no worker (a validation problem). */
    public static Supplier<Response> answer(Response r) {
        return new Ready(r);
    }

    public static Uni<Response> run(Supplier<Response> work) {
        if (work instanceof Ready ready) {
            return Uni.createFrom().item(ready.response());
        }
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private record Ready(Response response) implements Supplier<Response> {
        @Override
        public Response get() {
            return response;
        }
    }
}
