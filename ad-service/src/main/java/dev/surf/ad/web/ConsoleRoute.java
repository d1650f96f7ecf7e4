package dev.surf.ad.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** "/console" (no slash) sends the browser to "/console/", where the console's index.html is served. */
@ApplicationScoped
public class ConsoleRoute {
    void install(@Observes Router router) {
        router.routeWithRegex("^/console$").handler(rc -> rc.response().setStatusCode(308)
                .putHeader("Location", "console/").end());
    }
}
