package dev.surf.ad.creative;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class CreativeRepository implements PanacheRepository<Creative> {
    public Optional<Creative> findOwned(long advertiserId, long id) {
        return find("id = ?1 and advertiserId = ?2", id, advertiserId).firstResultOptional();
    }
}
