package io.shelfwatch.product.service;

import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.VertxContextSupport;
import io.shelfwatch.product.config.ProductConfig;
import io.shelfwatch.product.mapping.LiveMessages;
import io.shelfwatch.product.messaging.AlertRaisedEvent;
import io.shelfwatch.product.messaging.PriceUpdateEvent;
import io.shelfwatch.product.repository.TrackingRepository;
import io.shelfwatch.product.repository.TrackingRepository.Audience;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides who hears of a price or alert record: a product's trackers and watchers (price
 * updates, market alerts), or a rule alert's owner; then hands the doc C message to the
 * connections this replica holds. With no one connected here, a record costs nothing.
 */
@ApplicationScoped
public class LiveUpdateRouter {

    private static final Logger LOG = Logger.getLogger(LiveUpdateRouter.class);

    private final LiveUpdates live;
    private final TrackingRepository tracking;
    private final ObjectMapper json;
    private final ProductConfig config;
    private final Vertx vertx;

    public LiveUpdateRouter(LiveUpdates live, TrackingRepository tracking, ObjectMapper json, ProductConfig config,
            Vertx vertx) {
        this.live = live;
        this.tracking = tracking;
        this.json = json;
        this.config = config;
        this.vertx = vertx;
    }

    public Uni<Void> priceUpdate(PriceUpdateEvent event) {
        return route(event.data().productKey(), true,
                audience -> deliver(audience.users(), LiveMessages.priceUpdate(audience.productId(), event.data())));
    }

    public Uni<Void> alert(AlertRaisedEvent event) {
        AlertRaisedEvent.Data data = event.data();
        if (data.isRule()) {
            if (!live.connectedUsers().contains(data.userId())) {
                return Uni.createFrom().voidItem();
            }
            // The rule's owner hears of it whatever they track; the product id is added when the catalog knows it.
            return tracking.audienceOf(data.productKey()).invoke(audience -> deliver(Set.of(data.userId()),
                    LiveMessages.alert(audience == null ? null : audience.productId(), data))).replaceWithVoid();
        }
        return route(data.productKey(), true,
                audience -> deliver(audience.users(), LiveMessages.alert(audience.productId(), data)));
    }

    /**
     * Looks the product's audience up and delivers. The catalog consumer and this one read the
     * same record independently, so a product's first record may be here before its row (a
     * store product found by a scan): then it is routed once more, a moment later, without
     * holding up the records behind it.
     */
    private Uni<Void> route(String productKey, boolean retryUnknown, Consumer<Audience> delivery) {
        if (!live.anyoneConnected()) {
            return Uni.createFrom().voidItem();
        }
        return tracking.audienceOf(productKey).invoke(audience -> {
            if (audience != null) {
                delivery.accept(audience);
            } else if (retryUnknown) {
                later(() -> route(productKey, false, delivery));
            }
        }).replaceWithVoid();
    }

    private void later(Supplier<Uni<Void>> routing) {
        vertx.setTimer(config.live().unknownProductRetry().toMillis(), timer -> VertxContextSupport.subscribe(
                () -> routing.get().toMulti(),
                subscribe -> subscribe.with(done -> {
                }, failure -> LOG.warnf("a live update could not be routed: %s", failure.getMessage()))));
    }

    private void deliver(Set<UUID> users, LiveMessages.Message<?> message) {
        if (users.isEmpty()) {
            return;
        }
        try {
            live.deliver(users, json.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a live message could not be written", e);
        }
    }
}
