package io.shelfwatch.auth.client;

import java.util.UUID;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Price;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.checkout.SessionCreateParams;

import io.shelfwatch.auth.config.AuthConfig;
import io.shelfwatch.auth.config.StripeConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

/**
 * Stripe through its official SDK. The SDK blocks, so every call runs on a worker thread;
 * Stripe's failures become a 502 without their details.
 */
@ApplicationScoped
public class StripeGateway {

    private static final Logger LOG = Logger.getLogger(StripeGateway.class);

    public record CheckoutSession(String id, String url) {
    }

    private final StripeConfig config;
    private final AuthConfig authConfig;
    private final Vertx vertx;
    private volatile StripeClient client;

    public StripeGateway(StripeConfig config, AuthConfig authConfig, Vertx vertx) {
        this.config = config;
        this.authConfig = authConfig;
        this.vertx = vertx;
    }

    public Uni<String> createCustomer(UUID userId, String email) {
        return call(stripe -> stripe.v1().customers().create(CustomerCreateParams.builder()
                .setEmail(email).putMetadata("user_id", userId.toString()).build()).getId());
    }

    /** A subscription checkout for the price whose `lookup_key` is the plan. */
    public Uni<CheckoutSession> createCheckout(UUID userId, String customerId, String plan) {
        return call(stripe -> {
            var prices = stripe.v1().prices().list(PriceListParams.builder().addLookupKey(plan).setActive(true)
                    .build()).getData();
            if (prices.isEmpty()) {
                throw new WebApplicationException("No Stripe price with lookup_key " + plan, 502);
            }
            Price price = prices.get(0);
            String base = authConfig.passwordReset().publicBaseUrl().replaceAll("/+$", "");
            var session = stripe.v1().checkout().sessions().create(SessionCreateParams.builder()
                    .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                    .setCustomer(customerId)
                    .setClientReferenceId(userId.toString())
                    .putMetadata("user_id", userId.toString())
                    .putMetadata("plan", plan)
                    .addLineItem(SessionCreateParams.LineItem.builder().setPrice(price.getId()).setQuantity(1L).build())
                    .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                            .setTrialPeriodDays(config.trialDays())
                            .putMetadata("user_id", userId.toString())
                            .putMetadata("plan", plan)
                            .build())
                    .setSuccessUrl(base + "/billing/success?session_id={CHECKOUT_SESSION_ID}")
                    .setCancelUrl(base + "/billing/cancel")
                    .build());
            return new CheckoutSession(session.getId(), session.getUrl());
        });
    }

    public Uni<String> createPortal(String customerId) {
        String base = authConfig.passwordReset().publicBaseUrl().replaceAll("/+$", "");
        return call(stripe -> stripe.v1().billingPortal().sessions().create(
                com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(customerId).setReturnUrl(base + "/billing").build()).getUrl());
    }

    interface StripeCall<T> {
        T apply(StripeClient stripe) throws StripeException;
    }

    private <T> Uni<T> call(StripeCall<T> call) {
        StripeClient stripe = client();
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                return call.apply(stripe);
            } catch (StripeException e) {
                // The request id lets Stripe support find the call; the message may carry customer data.
                LOG.errorf("Stripe call failed: %s (status %s, request %s)", e.getClass().getSimpleName(),
                        e.getStatusCode(), e.getRequestId());
                throw new WebApplicationException("Payment provider error", 502);
            }
        }));
    }

    private StripeClient client() {
        String key = config.secretKey().filter(k -> !k.isBlank())
                .orElseThrow(() -> new ServiceUnavailableException("Billing is not configured"));
        StripeClient current = client;
        if (current == null) {
            current = StripeClient.builder().setApiKey(key).setApiBase(config.apiBase()).build();
            client = current;
        }
        return current;
    }
}
