package dev.surf.ranking.features;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Without a feature store bean every dense feature falls back to the priors. */
@Singleton
public class DefaultFeatureLookup {
    @Produces
    @DefaultBean
    @Singleton
    FeatureLookup none() {
        return FeatureLookup.NONE;
    }
}
