# shellcheck shell=bash
# Shelfwatch on one machine: every setting the services read, in one place.
#
# Sourced by env.sh (never run on its own). A variable already set in the
# environment always wins; the defaults below apply only when it is unset.
# Every name in SHELFWATCH_CONFIG_VARS that is set is exported, so the services
# (child processes of up.sh, test.sh, bench/startup.sh) see it. Names with no
# default here fall back to the service's own default (its
# src/main/resources/application.properties).
#
# Secrets (PG_PASSWORD, ENCRYPTION_KEY, ADMIN_PASSWORD) are never in the
# repository: env.sh generates them once into
# ${SHELFWATCH_STATE_DIR:-$HOME/.local/state/shelfwatch}/local.env (mode 600).

# shellcheck disable=SC2034 # used by the scripts that source this file
# The six services: module, HTTP port, database (tests add _test, system tests _st).
SHELFWATCH_SERVICES=(
  "auth-billing-service 8081 shelfwatch_auth_billing"
  "product-service 8082 shelfwatch_product"
  "etl-service 8083 shelfwatch_etl"
  "competition-service 8084 shelfwatch_competition"
  "connector-service 8085 shelfwatch_connector"
  "gateway 8080 -"
)
# shellcheck disable=SC2034
# The service databases; infra-up.sh creates each of them plus its _test, _st and _bench twins
# (tests, system tests, bench/startup.sh).
SHELFWATCH_DATABASES=(
  shelfwatch_auth_billing shelfwatch_product shelfwatch_etl shelfwatch_competition shelfwatch_connector
)
# JVM flags of every service process (up.sh, bench/startup.sh; the system tests use the same).
# SerialGC and a small heap keep each service at a few hundred MB at most (bench/startup.sh).
SHELFWATCH_JAVA_OPTS=${SHELFWATCH_JAVA_OPTS:-"-Xms32m -Xmx160m -XX:+UseSerialGC"}
# SHELFWATCH_JAVA: the java binary of the services (default: the newest JDK under /usr/lib/jvm).
# SHELFWATCH_STARTUP_ARCHIVES=0: no class-data archives (lib.sh, "Starting a service").

# --- The stores (all services) ---------------------------------------------
: "${PG_HOST:=127.0.0.1}"                       # PostgreSQL host
: "${PG_PORT:=5432}"                            # PostgreSQL port
: "${PG_USER:=shelfwatch}"                      # role that owns every Shelfwatch database
# PG_PASSWORD                                   # generated into local.env
# PG_DATABASE                                   # set per service by up.sh / bench (never globally)
: "${REDIS_URL:=redis://127.0.0.1:6379}"        # Redis (keys prefixed with the owning service's name)
: "${KAFKA_BOOTSTRAP_SERVERS:=127.0.0.1:9092}"  # Kafka brokers
# KAFKA_TOPIC_PREFIX                            # default empty; put in front of every topic and consumer group name (tests use test-<module>.)

# --- Tokens -----------------------------------------------------------------
# ADMIN_EMAIL                                   # auth-billing: first admin account (local.env: admin@shelfwatch.local)
# ADMIN_PASSWORD                                # auth-billing: its password (local.env: random)
# JWT_ISSUER                                    # token issuer (service default: shelfwatch)
# JWT_AUDIENCE                                  # token audience (service default: shelfwatch-api)
# JWT_SIGNING_KEY                               # RSA private key, PEM or path; unset = generated once, stored encrypted in auth-billing's DB
: "${JWKS_URL:=http://127.0.0.1:8081/.well-known/jwks.json}"  # where every verifier fetches auth-billing's public keys
# ENCRYPTION_KEY                                # auth-billing, connector: AES-GCM key, base64 of 32 bytes (local.env: random)

# --- Domain -----------------------------------------------------------------
# DEFAULT_MARKETPLACE                           # all: marketplace of a bare asin:{ASIN} (US)

# --- External systems (defaults: the real public endpoints; tests use WireMock)
# STRIPE_API_BASE                               # auth-billing: Stripe API base URL (https://api.stripe.com)
# STRIPE_SECRET_KEY                             # auth-billing: Stripe secret key (unset = billing checkout disabled)
# STRIPE_WEBHOOK_SECRET                         # auth-billing: verifies Stripe-Signature on /api/v1/webhooks/stripe
# PUBLIC_BASE_URL                               # auth-billing: base of links in mails (http://localhost:8080)
# SMTP_HOST, SMTP_PORT, SMTP_FROM               # auth-billing: password-reset mail
# LWA_ENDPOINT                                  # connector: Login with Amazon token endpoint (https://api.amazon.com/auth/o2/token)
# SPAPI_ENDPOINT                                # connector: Selling Partner API (https://sellingpartnerapi-na.amazon.com)
# LLM_BASE_URL, LLM_API_KEY, LLM_MODEL          # competition: LLM for reports (unset = built-in analyst)
# SCRAPER_ALLOWED_PRIVATE_HOSTS                 # etl: hosts the fetcher may reach although private/loopback
# SCRAPER_USER_AGENT                            # etl: User-Agent of page fetches

# --- Gateway ----------------------------------------------------------------
: "${AUTH_BILLING_URL:=http://127.0.0.1:8081}"
: "${PRODUCT_SERVICE_URL:=http://127.0.0.1:8082}"
: "${ETL_SERVICE_URL:=http://127.0.0.1:8083}"
: "${COMPETITION_SERVICE_URL:=http://127.0.0.1:8084}"
: "${CONNECTOR_SERVICE_URL:=http://127.0.0.1:8085}"
# RATE_LIMIT_ANON_PER_MINUTE (100), RATE_LIMIT_USER_PER_MINUTE (500),
# RATE_LIMIT_BURST (20), RATE_LIMIT_EXEMPT_KEYS (none),
# RATE_LIMIT_VIEW_FRESHNESS (100ms)  # token-bucket limits in Redis

# Every variable passed through to the services (exported when set).
SHELFWATCH_CONFIG_VARS=(
  ADMIN_EMAIL ADMIN_PASSWORD
  JWT_ISSUER JWT_AUDIENCE JWT_SIGNING_KEY JWKS_URL
  ENCRYPTION_KEY
  DEFAULT_MARKETPLACE
  STRIPE_API_BASE STRIPE_SECRET_KEY STRIPE_WEBHOOK_SECRET
  PUBLIC_BASE_URL SMTP_HOST SMTP_PORT SMTP_FROM
  LWA_ENDPOINT SPAPI_ENDPOINT
  LLM_BASE_URL LLM_API_KEY LLM_MODEL
  SCRAPER_ALLOWED_PRIVATE_HOSTS SCRAPER_USER_AGENT
  PG_HOST PG_PORT PG_USER PG_PASSWORD
  REDIS_URL KAFKA_BOOTSTRAP_SERVERS KAFKA_TOPIC_PREFIX
  RATE_LIMIT_ANON_PER_MINUTE RATE_LIMIT_USER_PER_MINUTE RATE_LIMIT_BURST RATE_LIMIT_EXEMPT_KEYS RATE_LIMIT_VIEW_FRESHNESS
  AUTH_BILLING_URL PRODUCT_SERVICE_URL ETL_SERVICE_URL COMPETITION_SERVICE_URL CONNECTOR_SERVICE_URL
)
for __sw_var in "${SHELFWATCH_CONFIG_VARS[@]}"; do
  if [ -n "${!__sw_var+x}" ]; then
    export "${__sw_var?}"
  fi
done
unset __sw_var
