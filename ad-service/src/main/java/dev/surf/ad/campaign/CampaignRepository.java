package dev.surf.ad.campaign;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class CampaignRepository implements PanacheRepository<Campaign> {
    public Optional<Campaign> findOwned(long advertiserId, long id) {
        return find("id = ?1 and advertiserId = ?2", id, advertiserId).firstResultOptional();
    }
}
