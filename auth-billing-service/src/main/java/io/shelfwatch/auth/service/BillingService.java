package io.shelfwatch.auth.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.auth.Account;
import io.shelfwatch.auth.Plan;
import io.shelfwatch.auth.StripeEvent;
import io.shelfwatch.auth.Subscription;
import io.shelfwatch.auth.client.StripeGateway;
import io.shelfwatch.auth.mapping.AccountStateMapper;
import io.shelfwatch.auth.messaging.OutboxWriter;
import io.shelfwatch.auth.repository.AccountRepository;
import io.shelfwatch.auth.repository.StripeEventRepository;
import io.shelfwatch.auth.repository.SubscriptionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAuthorizedException;
import org.jboss.logging.Logger;

/**
 * Plans through Stripe: checkout and portal sessions, and the webhook events that decide a
 * user's plan. Each event is applied once (its id is recorded with its effect), and an event
 * older than what a subscription already reflects changes nothing.
 */
@ApplicationScoped
public class BillingService {

    private static final Logger LOG = Logger.getLogger(BillingService.class);

    private final AccountRepository accounts;
    private final SubscriptionRepository subscriptions;
    private final StripeEventRepository events;
    private final StripeGateway stripe;
    private final OutboxWriter outbox;

    public BillingService(AccountRepository accounts, SubscriptionRepository subscriptions,
            StripeEventRepository events, StripeGateway stripe, OutboxWriter outbox) {
        this.accounts = accounts;
        this.subscriptions = subscriptions;
        this.events = events;
        this.stripe = stripe;
        this.outbox = outbox;
    }

    public Uni<Subscription> current(UUID userId) {
        return subscriptions.current(userId);
    }

    public Uni<StripeGateway.CheckoutSession> checkout(UUID userId, String plan) {
        if (Plan.FREE.tier.equals(plan)) {
            return Uni.createFrom().failure(new BadRequestException("The free plan needs no checkout"));
        }
        return account(userId).flatMap(account -> subscriptions.current(userId).flatMap(existing -> {
            if (existing != null && existing.entitles()) {
                return Uni.createFrom().failure(new BadRequestException("Already subscribed"));
            }
            Uni<String> customer = account.stripeCustomerId != null
                    ? Uni.createFrom().item(account.stripeCustomerId)
                    : stripe.createCustomer(userId, account.email).call(id -> rememberCustomer(userId, id));
            return customer.flatMap(customerId -> stripe.createCheckout(userId, customerId, plan));
        }));
    }

    public Uni<String> portal(UUID userId) {
        return account(userId).flatMap(account -> account.stripeCustomerId == null
                ? Uni.createFrom().failure(new BadRequestException("No billing account yet: subscribe first"))
                : stripe.createPortal(account.stripeCustomerId));
    }

    @WithTransaction
    Uni<Void> rememberCustomer(UUID userId, String customerId) {
        return accounts.findById(userId).invoke(account -> {
            if (account != null && account.stripeCustomerId == null) {
                account.stripeCustomerId = customerId;
            }
        }).replaceWithVoid();
    }

    /** Applies a verified webhook event once; a replay answers the same and changes nothing. */
    @WithTransaction
    public Uni<Void> apply(JsonNode event) {
        String id = event.path("id").asText();
        String type = event.path("type").asText();
        return events.findById(id).flatMap(seen -> {
            if (seen != null) {
                LOG.infof("Stripe event %s already handled", id);
                return Uni.createFrom().voidItem();
            }
            StripeEvent record = new StripeEvent();
            record.id = id;
            record.type = type;
            record.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
            long created = event.path("created").asLong();
            JsonNode object = event.path("data").path("object");
            return events.persist(record).flatMap(saved -> switch (type) {
                case "checkout.session.completed" -> checkoutCompleted(object);
                case "customer.subscription.created", "customer.subscription.updated",
                        "customer.subscription.deleted" -> subscriptionChanged(object, created);
                case "invoice.payment_failed" -> paymentFailed(object, created);
                default -> Uni.createFrom().voidItem();
            });
        });
    }

    /** Links the Stripe customer to the user; the subscription itself comes with its own events. */
    private Uni<Void> checkoutCompleted(JsonNode session) {
        UUID userId = uuid(text(session, "client_reference_id"), text(session.path("metadata"), "user_id"));
        String customerId = text(session, "customer");
        String subscriptionId = text(session, "subscription");
        String plan = text(session.path("metadata"), "plan");
        if (userId == null || customerId == null) {
            LOG.warn("checkout.session.completed without a user or customer: ignored");
            return Uni.createFrom().voidItem();
        }
        return accounts.findById(userId).flatMap(account -> {
            if (account == null) {
                return Uni.createFrom().voidItem();
            }
            if (account.stripeCustomerId == null) {
                account.stripeCustomerId = customerId;
            }
            if (subscriptionId == null || !isPaidPlan(plan)) {
                return Uni.createFrom().voidItem();
            }
            return subscriptions.findById(subscriptionId).flatMap(existing -> {
                if (existing != null) {
                    return Uni.createFrom().voidItem();
                }
                // Provisional until the subscription's own events arrive: any of them, whenever sent, wins (0).
                Subscription row = newRow(subscriptionId, userId, customerId);
                row.plan = plan;
                row.status = "active";
                row.lastEventAt = 0;
                return subscriptions.persist(row).flatMap(s -> applyPlan(account));
            });
        });
    }

    private Uni<Void> subscriptionChanged(JsonNode object, long created) {
        String subscriptionId = text(object, "id");
        String customerId = text(object, "customer");
        JsonNode item = object.path("items").path("data").path(0);
        String plan = text(item.path("price"), "lookup_key");
        if (subscriptionId == null || customerId == null) {
            return Uni.createFrom().voidItem();
        }
        return subscriptions.findById(subscriptionId).flatMap(existing -> {
            if (existing != null && existing.lastEventAt > created) {
                LOG.infof("Stripe event about %s older than the state already applied: ignored", subscriptionId);
                return Uni.createFrom().voidItem();
            }
            return owner(existing, object, customerId).flatMap(account -> {
                if (account == null) {
                    LOG.warnf("subscription %s belongs to no known user: ignored", subscriptionId);
                    return Uni.createFrom().voidItem();
                }
                Subscription row = existing != null ? existing : newRow(subscriptionId, account.id, customerId);
                if (isPaidPlan(plan)) {
                    row.plan = plan;
                } else if (row.plan == null) {
                    row.plan = isPaidPlan(text(object.path("metadata"), "plan"))
                            ? text(object.path("metadata"), "plan") : Plan.PRO.tier;
                }
                row.status = text(object, "status") != null ? text(object, "status") : row.status;
                row.cancelAtPeriodEnd = object.path("cancel_at_period_end").asBoolean(false);
                // Newer API versions keep the period on the item, older ones on the subscription.
                row.currentPeriodEnd = epoch(item.has("current_period_end") ? item.path("current_period_end")
                        : object.path("current_period_end"));
                row.trialEnd = epoch(object.path("trial_end"));
                row.lastEventAt = created;
                row.updatedAt = now();
                if (account.stripeCustomerId == null) {
                    account.stripeCustomerId = customerId;
                }
                return subscriptions.persist(row).flatMap(s -> applyPlan(account));
            });
        });
    }

    private Uni<Void> paymentFailed(JsonNode invoice, long created) {
        String subscriptionId = text(invoice, "subscription");
        if (subscriptionId == null) {
            subscriptionId = text(invoice.path("parent").path("subscription_details"), "subscription");
        }
        if (subscriptionId == null) {
            return Uni.createFrom().voidItem();
        }
        return subscriptions.findById(subscriptionId).flatMap(row -> {
            if (row == null || row.lastEventAt > created || !row.entitles()) {
                return Uni.createFrom().voidItem();
            }
            // Stripe retries the payment; the plan stays until the subscription itself ends.
            row.status = "past_due";
            row.lastEventAt = created;
            row.updatedAt = now();
            return Uni.createFrom().voidItem();
        });
    }

    /** The account's plan is its entitling subscription's, else free; a change is announced. */
    private Uni<Void> applyPlan(Account account) {
        return subscriptions.flush().flatMap(flushed -> subscriptions.current(account.id)).flatMap(current -> {
            String plan = current != null && current.entitles() ? current.plan : Plan.FREE.tier;
            if (plan.equals(account.plan)) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("account %s moves from plan %s to %s", account.id, account.plan, plan);
            account.plan = plan;
            account.updatedAt = now();
            return outbox.add(AccountStateMapper.TOPIC, account.id.toString(), AccountStateMapper.stateOf(account, false));
        });
    }

    private Uni<Account> owner(Subscription existing, JsonNode object, String customerId) {
        if (existing != null) {
            return accounts.findById(existing.userId);
        }
        UUID fromMetadata = uuid(text(object.path("metadata"), "user_id"), null);
        if (fromMetadata != null) {
            return accounts.findById(fromMetadata);
        }
        return accounts.find("stripeCustomerId", customerId).firstResult();
    }

    private Uni<Account> account(UUID userId) {
        return accounts.findById(userId)
                .onItem().ifNull().failWith(() -> new NotAuthorizedException("Not authenticated", "Bearer"));
    }

    private static Subscription newRow(String id, UUID userId, String customerId) {
        Subscription row = new Subscription();
        row.id = id;
        row.userId = userId;
        row.customerId = customerId;
        row.createdAt = now();
        row.updatedAt = row.createdAt;
        return row;
    }

    private static boolean isPaidPlan(String plan) {
        return Plan.PRO.tier.equals(plan) || Plan.ENTERPRISE.tier.equals(plan);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isTextual()) {
            return value.asText();
        }
        // Expanded objects ({"id": ...}) instead of ids.
        return value.isObject() && value.path("id").isTextual() ? value.path("id").asText() : null;
    }

    private static UUID uuid(String first, String second) {
        for (String candidate : new String[] { first, second }) {
            if (candidate != null) {
                try {
                    return UUID.fromString(candidate);
                } catch (IllegalArgumentException e) {
                    // try the next one
                }
            }
        }
        return null;
    }

    private static OffsetDateTime epoch(JsonNode seconds) {
        return seconds.isNumber() ? Instant.ofEpochSecond(seconds.asLong()).atOffset(ZoneOffset.UTC) : null;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
