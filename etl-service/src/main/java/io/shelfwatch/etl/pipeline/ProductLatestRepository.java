package io.shelfwatch.etl.pipeline;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class ProductLatestRepository implements PanacheRepositoryBase<ProductLatest, String> {
}
