#!/usr/bin/env bash
# Login and refresh throughput of auth-billing-service, and their ratio to the cost of the
# password hash itself (bcrypt at the service's cost factor, measured in the same run with the
# same library and the same concurrency). Login should be bounded by bcrypt (ratio near 1);
# refresh does no bcrypt and should be far faster than it.
#
# Starts the packaged service alone (JVM flags of deploy/local/up.sh, a free port, its _st
# database, topics prefixed "bench."), registers a fresh user, then for BENCH_SECONDS each
# (default 10) at BENCH_CONCURRENCY parallel clients (default 4) measures:
#   bcrypt   BcryptUtil.matches on a cost-AUTH_BCRYPT_COST hash (default 12, the service default)
#   login    POST /api/v1/auth/login
#   refresh  POST /api/v1/auth/refresh, every client chaining its own rotating token
# Needs a prior build (./mvnw -B -q package -DskipTests); brings the infrastructure up itself.
set -euo pipefail

# shellcheck source=deploy/local/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/../deploy/local/env.sh"
# shellcheck source=deploy/local/lib.sh
. "$SHELFWATCH_ROOT/deploy/local/lib.sh"
cd "$SHELFWATCH_ROOT"

MODULE=auth-billing-service
APP="$MODULE/target/quarkus-app"
SECONDS_EACH=${BENCH_SECONDS:-10}
CONCURRENCY=${BENCH_CONCURRENCY:-4}
COST=${AUTH_BCRYPT_COST:-12}
export KAFKA_TOPIC_PREFIX=${BENCH_TOPIC_PREFIX:-bench.}
[ -f "$APP/quarkus-run.jar" ] || sw_die "$APP/quarkus-run.jar is missing: run ./mvnw -B -q package -DskipTests first"

bash "$SHELFWATCH_ROOT/deploy/local/infra-up.sh" >/dev/null

port=
for ((p = 18180; p < 18280; p++)); do
  sw_port_open 127.0.0.1 "$p" || {
    port=$p
    break
  }
done
[ -n "$port" ] || sw_die "no free port in 18180-18279"

work=$(mktemp -d)
pid=
trap '[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

read -r -a java_opts <<<"$SHELFWATCH_JAVA_OPTS"
log="$SHELFWATCH_LOG_DIR/bench-auth.log"
PG_DATABASE=shelfwatch_auth_billing_st AUTH_BCRYPT_COST="$COST" QUARKUS_HTTP_PORT="$port" \
  java "${java_opts[@]}" -jar "$APP/quarkus-run.jar" </dev/null >"$log" 2>&1 &
pid=$!
echo "[bench] $MODULE on port $port (log $log) ..." >&2
for ((i = 0; i < 1200; i++)); do
  [ "$(sw_http_status "http://127.0.0.1:$port/q/health/ready" 1)" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || sw_die "$MODULE stopped; see $log"
  sleep 0.05
done
[ "$(sw_http_status "http://127.0.0.1:$port/q/health/ready" 1)" = 200 ] || sw_die "$MODULE not ready; see $log"

# The load client: plain JDK (HttpClient) plus the service's own bcrypt library from its jar.
cat >"$work/AuthBench.java" <<'JAVA'
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.elytron.security.common.BcryptUtil;

public class AuthBench {
    static final Pattern REFRESH = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String base;

    interface Step { boolean run() throws Exception; }

    public static void main(String[] args) throws Exception {
        base = args[0];
        int seconds = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        int cost = Integer.parseInt(args[3]);
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String password = "bench-password-123";
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        HttpResponse<String> registered = post("/api/v1/auth/register", body);
        if (registered.statusCode() != 201) throw new IllegalStateException("register: " + registered.statusCode());

        String hash = BcryptUtil.bcryptHash(password, cost);
        double bcrypt = measure("bcrypt", seconds, clients, () -> () -> BcryptUtil.matches(password, hash));
        double login = measure("login", seconds, clients, () -> () -> post("/api/v1/auth/login", body).statusCode() == 200);
        double refresh = measure("refresh", seconds, clients, () -> {
            String[] token = {refreshToken(uncheckedPost("/api/v1/auth/login", body))};
            return () -> {
                HttpResponse<String> r = post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + token[0] + "\"}");
                if (r.statusCode() != 200) return false;
                token[0] = refreshToken(r);
                return true;
            };
        });
        System.out.println();
        System.out.printf("%-8s %10s %14s%n", "what", "per_s", "ratio_to_bcrypt");
        System.out.printf("%-8s %10.1f %14s%n", "bcrypt", bcrypt, "1.00");
        System.out.printf("%-8s %10.1f %14.2f%n", "login", login, login / bcrypt);
        System.out.printf("%-8s %10.1f %14.2f%n", "refresh", refresh, refresh / bcrypt);
        System.out.printf("(concurrency %d, %d s each, bcrypt cost %d; login/bcrypt near 1.00 = the hash dominates)%n",
                clients, seconds, cost);
    }

    static double measure(String name, int seconds, int clients, Supplier<Step> perClient) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < clients; i++) steps.add(perClient.get());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (Step step : steps) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        if (step.run()) ok.incrementAndGet(); else failed.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rate = ok.get() / elapsed;
        System.err.printf("[bench] %-8s %8d ok %6d failed %8.1f /s%n", name, ok.get(), failed.get(), rate);
        return rate;
    }

    static String refreshToken(HttpResponse<String> response) {
        Matcher m = REFRESH.matcher(response.body());
        if (!m.find()) throw new IllegalStateException("no refresh_token (" + response.statusCode() + ")");
        return m.group(1);
    }

    static HttpResponse<String> uncheckedPost(String path, String json) {
        try {
            return post(path, json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
JAVA

java -Xmx256m -cp "$APP/lib/main/*" "$work/AuthBench.java" "http://127.0.0.1:$port" "$SECONDS_EACH" "$CONCURRENCY" "$COST"
