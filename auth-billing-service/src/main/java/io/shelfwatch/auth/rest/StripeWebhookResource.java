package io.shelfwatch.auth.rest;

import org.jboss.resteasy.reactive.RestHeader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;

import io.shelfwatch.auth.config.StripeConfig;
import io.shelfwatch.auth.service.BillingService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

/** Doc E's Stripe webhook: the signature is checked on the raw body before anything is parsed. */
@Path("/api/v1/webhooks/stripe")
public class StripeWebhookResource {

    public record Received(boolean received) {
    }

    private final StripeConfig config;
    private final BillingService billing;
    private final ObjectMapper json;

    public StripeWebhookResource(StripeConfig config, BillingService billing, ObjectMapper json) {
        this.config = config;
        this.billing = billing;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Received> receive(String payload, @RestHeader("Stripe-Signature") String signature) {
        String secret = config.webhookSecret().filter(s -> !s.isBlank())
                .orElseThrow(() -> new BadRequestException("Webhook secret not configured"));
        if (payload == null || signature == null) {
            throw new BadRequestException("Missing Stripe signature");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signature, secret, config.webhookTolerance());
        } catch (SignatureVerificationException e) {
            throw new BadRequestException("Invalid Stripe signature");
        }
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("Invalid payload");
        }
        if (!event.path("id").isTextual() || !event.path("type").isTextual()) {
            throw new BadRequestException("Invalid payload");
        }
        return billing.apply(event).replaceWith(new Received(true));
    }
}
