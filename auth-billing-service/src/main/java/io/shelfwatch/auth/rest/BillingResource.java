package io.shelfwatch.auth.rest;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.auth.Plan;
import io.shelfwatch.auth.Subscription;
import io.shelfwatch.auth.service.AccountService;
import io.shelfwatch.auth.service.BillingService;
import io.shelfwatch.auth.service.UsageService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Doc E's `/api/v1/billing/**`: the public plan list, and the signed-in user's billing through Stripe. */
@Path("/api/v1/billing")
@Authenticated
public class BillingResource {

    public record PlanView(
            String tier,
            String name,
            @JsonProperty("price_monthly") int priceMonthly,
            @JsonProperty("max_competitors") int maxCompetitors,
            @JsonProperty("max_products") int maxProducts,
            @JsonProperty("scan_frequency") String scanFrequency,
            List<String> features,
            // The free tier has no trial: doc E leaves the field out there.
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("trial_days") Integer trialDays) {

        static PlanView of(Plan plan) {
            return new PlanView(plan.tier, plan.displayName, plan.priceMonthly, plan.maxCompetitors, plan.maxProducts,
                    plan.scanFrequency, plan.features, plan.trialDays);
        }
    }

    /** `tier` is accepted too: it is the key GET /plans names each plan by (doc E gives no checkout body). */
    public record CheckoutRequest(
            @NotNull @Pattern(regexp = "free|pro|enterprise", message = "unknown plan") @JsonAlias("tier") String plan) {
    }

    public record CheckoutResponse(@JsonProperty("session_id") String sessionId, String url) {
    }

    public record PortalResponse(String url) {
    }

    public record SubscriptionView(
            String id,
            String plan,
            String status,
            @JsonProperty("current_period_end") String currentPeriodEnd,
            @JsonProperty("cancel_at_period_end") boolean cancelAtPeriodEnd,
            @JsonProperty("trial_end") String trialEnd) {

        static SubscriptionView of(Subscription s) {
            return s == null ? null : new SubscriptionView(s.id, s.plan, s.status, utc(s.currentPeriodEnd),
                    s.cancelAtPeriodEnd, utc(s.trialEnd));
        }

        private static String utc(OffsetDateTime at) {
            return at == null ? null : AccountViews.utc(at);
        }
    }

    public record Overview(PlanView plan, SubscriptionView subscription, UsageService.Usage usage) {
    }

    private final BillingService billing;
    private final AccountService accounts;
    private final UsageService usage;
    private final JsonWebToken jwt;

    public BillingResource(BillingService billing, AccountService accounts, UsageService usage,
            JsonWebToken jwt) {
        this.billing = billing;
        this.accounts = accounts;
        this.usage = usage;
        this.jwt = jwt;
    }

    @GET
    @Path("/plans")
    @PermitAll
    public List<PlanView> plans() {
        return Arrays.stream(Plan.values()).map(PlanView::of).toList();
    }

    @POST
    @Path("/checkout")
    @ResponseStatus(201)
    public Uni<CheckoutResponse> checkout(@Valid @NotNull CheckoutRequest request) {
        return billing.checkout(Callers.userId(jwt), request.plan())
                .map(session -> new CheckoutResponse(session.id(), session.url()));
    }

    @POST
    @Path("/portal")
    public Uni<PortalResponse> portal() {
        return billing.portal(Callers.userId(jwt)).map(PortalResponse::new);
    }

    /** The subscription, or a JSON `null` when there is none. */
    @GET
    @Path("/current")
    public Uni<Response> current() {
        return billing.current(Callers.userId(jwt)).map(s -> s == null
                ? Response.ok("null", MediaType.APPLICATION_JSON_TYPE).build()
                : Response.ok(SubscriptionView.of(s), MediaType.APPLICATION_JSON_TYPE).build());
    }

    @GET
    @Path("/overview")
    public Uni<Overview> overview() {
        var userId = Callers.userId(jwt);
        return accounts.findById(userId)
                .onItem().ifNull().failWith(() -> new NotAuthorizedException("Not authenticated", "Bearer"))
                .flatMap(account -> billing.current(userId).flatMap(subscription -> usage.forUser(userId)
                        .map(counts -> new Overview(PlanView.of(Plan.ofTier(account.plan)),
                                SubscriptionView.of(subscription), counts))));
    }
}
