package io.shelfwatch.product.repository;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shelfwatch.product.Product;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Doc C's watchlist rows (user, product). */
@ApplicationScoped
@WithSession
public class WatchlistRepository {

    public Uni<Integer> add(UUID userId, UUID productId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO watchlist (user_id, product_id, created_at) VALUES (:user, :product, now())"
                        + " ON CONFLICT DO NOTHING")
                .setParameter("user", userId).setParameter("product", productId).executeUpdate());
    }

    public Uni<Integer> remove(UUID userId, UUID productId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "DELETE FROM watchlist WHERE user_id = :user AND product_id = :product")
                .setParameter("user", userId).setParameter("product", productId).executeUpdate());
    }

    public Uni<Integer> removeUser(UUID userId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "DELETE FROM watchlist WHERE user_id = :user").setParameter("user", userId).executeUpdate());
    }

    public Uni<List<Product>> productsOf(UUID userId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "SELECT p.* FROM products p JOIN watchlist w ON w.product_id = p.id WHERE w.user_id = :user"
                        + " ORDER BY w.created_at, p.id", Product.class)
                .setParameter("user", userId).getResultList());
    }
}
