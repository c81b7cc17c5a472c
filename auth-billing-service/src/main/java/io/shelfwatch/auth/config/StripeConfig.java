package io.shelfwatch.auth.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Stripe billing settings. */
@ConfigMapping(prefix = "stripe")
public interface StripeConfig {

    /** Stripe's API base (STRIPE_API_BASE); tests point it at WireMock. */
    @WithDefault("https://api.stripe.com")
    String apiBase();

    /** Secret API key (STRIPE_SECRET_KEY); without it checkout and portal answer 503. */
    Optional<String> secretKey();

    /** Signing secret of the webhook endpoint (STRIPE_WEBHOOK_SECRET); without it every webhook is 400. */
    Optional<String> webhookSecret();

    /** Oldest accepted `Stripe-Signature` timestamp, in seconds (Stripe's own default). */
    @WithDefault("300")
    long webhookTolerance();

    /** Trial of the paid plans, as doc E lists it. */
    @WithDefault("14")
    long trialDays();
}
