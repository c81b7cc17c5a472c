package io.shelfwatch.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The six packaged services, started once per test JVM as separate processes on their own
 * ports (18080–18085), with their own databases (`_st`) and a fresh Kafka topic prefix, so
 * neither a running suite nor an earlier run is disturbed.
 */
public final class Suite {

    public record Service(String module, int port, String database) {
    }

    public static final List<Service> SERVICES = List.of(
            new Service("auth-billing-service", 18081, "shelfwatch_auth_billing_st"),
            new Service("product-service", 18082, "shelfwatch_product_st"),
            new Service("etl-service", 18083, "shelfwatch_etl_st"),
            new Service("competition-service", 18084, "shelfwatch_competition_st"),
            new Service("connector-service", 18085, "shelfwatch_connector_st"),
            new Service("gateway", 18080, null));

    public static final String ADMIN_EMAIL = "admin@st.shelfwatch.local";
    public static final String ADMIN_PASSWORD = "st-" + UUID.randomUUID();
    public static final String TOPIC_PREFIX = "st-" + UUID.randomUUID().toString().substring(0, 8) + ".";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Map<String, Process> RUNNING = new LinkedHashMap<>();
    private static boolean started;

    private Suite() {
    }

    public static String gatewayUrl() {
        return "http://127.0.0.1:18080";
    }

    public static String serviceUrl(String module) {
        return "http://127.0.0.1:" + service(module).port();
    }

    public static synchronized void start() throws Exception {
        if (started) {
            return;
        }
        Path root = root();
        for (Service service : SERVICES) {
            Path jar = root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first (mvn package)");
            }
        }
        resetDatabases();
        Path logs = root.resolve("system-tests/target/st-logs");
        Files.createDirectories(logs);
        Runtime.getRuntime().addShutdownHook(new Thread(Suite::stopAll));
        for (Service service : SERVICES) {
            RUNNING.put(service.module(), launch(root, service, logs));
        }
        for (Service service : SERVICES) {
            awaitReady(service, logs);
        }
        started = true;
    }

    /** Stops one service as a crash would (SIGKILL), for tests of what survives. */
    public static void kill(String module) throws InterruptedException {
        Process process = RUNNING.remove(module);
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    public static void restart(String module) throws Exception {
        Path root = root();
        Path logs = root.resolve("system-tests/target/st-logs");
        Service service = service(module);
        RUNNING.put(module, launch(root, service, logs));
        awaitReady(service, logs);
    }

    private static Process launch(Path root, Service service, Path logs) throws IOException {
        Path jar = root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xms32m", "-Xmx160m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service.module() + ".log").toFile()));
        builder.environment().putAll(environment(service));
        return builder.start();
    }

    private static Map<String, String> environment(Service service) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(service.port()));
        if (service.database() != null) {
            env.put("PG_DATABASE", service.database());
        }
        env.put("KAFKA_TOPIC_PREFIX", TOPIC_PREFIX);
        env.put("ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JWKS_URL", serviceUrl("auth-billing-service") + "/.well-known/jwks.json");
        env.put("AUTH_BILLING_URL", serviceUrl("auth-billing-service"));
        env.put("PRODUCT_SERVICE_URL", serviceUrl("product-service"));
        env.put("ETL_SERVICE_URL", serviceUrl("etl-service"));
        env.put("COMPETITION_SERVICE_URL", serviceUrl("competition-service"));
        env.put("CONNECTOR_SERVICE_URL", serviceUrl("connector-service"));
        // The journeys fire requests faster than a person would; the limits themselves are the
        // gateway module's tests' subject.
        env.put("RATE_LIMIT_BURST", "1000");
        if (System.getenv("ENCRYPTION_KEY") == null) {
            // Outside the README's test command (an IDE run), a key for this run only.
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            env.put("ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
        }
        return env;
    }

    private static void awaitReady(Service service, Path logs) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        URI ready = URI.create("http://127.0.0.1:" + service.port() + "/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            Process process = RUNNING.get(service.module());
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited during start-up; see "
                        + logs.resolve(service.module() + ".log"));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(service.module() + " not ready after " + READY_TIMEOUT + "; see "
                + logs.resolve(service.module() + ".log"));
    }

    /** Every run starts from empty system-test databases; the services' migrations rebuild them. */
    private static void resetDatabases() throws SQLException {
        String host = env("PG_HOST", "127.0.0.1");
        String port = env("PG_PORT", "5432");
        for (Service service : SERVICES) {
            if (service.database() == null) {
                continue;
            }
            String url = "jdbc:postgresql://" + host + ":" + port + "/" + service.database();
            try (Connection connection = DriverManager.getConnection(url, env("PG_USER", "shelfwatch"),
                    env("PG_PASSWORD", ""));
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
                statement.execute("CREATE SCHEMA public");
            }
        }
    }

    private static synchronized void stopAll() {
        RUNNING.values().forEach(Process::destroy);
        for (Process process : RUNNING.values()) {
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RUNNING.clear();
    }

    private static final Map<Integer, Process> REPLICAS = new LinkedHashMap<>();
    private static final Duration REPLICA_STOP_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Starts one more replica of a service beside the suite's (same database, topics and
     * settings) on a free port, and answers that port once it is ready. Its output goes to the
     * service's log too (each JSON line names its processId).
     */
    public static synchronized int startReplica(String module) throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Service primary = service(module);
        Service replica = new Service(module, port, primary.database());
        Path logs = root().resolve("system-tests/target/st-logs");
        Process process = launch(root(), replica, logs);
        REPLICAS.put(port, process);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " replica exited during start-up; see "
                        + logs.resolve(module + ".log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return port;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(module + " replica not ready after " + READY_TIMEOUT);
    }

    /** Stops a replica started by {@link #startReplica} (as a rolling update would: SIGTERM, then a grace period). */
    public static synchronized void stopReplica(int port) throws InterruptedException {
        Process process = REPLICAS.remove(port);
        if (process != null) {
            process.destroy();
            // A clean exit leaves its Kafka groups at once; a killed replica keeps its partitions
            // unread for the broker's session timeout (45 s), and the next journeys wait on them.
            if (!process.waitFor(REPLICA_STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static Service service(String module) {
        return SERVICES.stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow();
    }

    private static Path root() {
        return Path.of(System.getProperty("shelfwatch.root", "..")).toAbsolutePath().normalize();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
