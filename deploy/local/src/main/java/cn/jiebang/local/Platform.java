package cn.jiebang.local;

import cn.jiebang.devstack.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three services started as separate processes against one Kafka and one database each; the
 * others trust challenge-service's keys, and it creates the demo ADMIN at start-up. Used by the
 * local launcher and by the end-to-end test.
 */
final class Platform implements AutoCloseable {

    static final String VERSION = "0.1.0-SNAPSHOT";
    static final List<String> SERVICES = List.of("challenge-service", "bid-service", "notification-service");
    static final String PORTAL = "portal";
    /** The launcher's and the tests' JVMs: quick to start (C1 only), slow under load. */
    static final List<String> QUICK_START_JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    /** For measuring: the JDK's server defaults (tiered C1 and C2, G1), the heap capped as five JVMs share a box. */
    static final List<String> PRODUCTION_JVM = List.of("-Xmx512m", "-XX:+UseG1GC");

    private final List<ServiceProcess> processes = new ArrayList<>();

    /**
     * Starts every service of {@link #SERVICES}: {@code databases} and {@code ports} are in the same order;
     * a fourth port starts the portal in front of them. All are started before any is awaited, so their
     * start-ups overlap.
     */
    static Platform start(Path root, String kafkaBootstrapServers, List<TestDatabase> databases, List<Integer> ports,
                          int smtpPort, Path logDir) throws Exception {
        return start(root, kafkaBootstrapServers, databases, ports, smtpPort, Map.of(), logDir);
    }

    /** As above, with more environment variables per service (e.g. a shorter 公示 day for a test). */
    static Platform start(Path root, String kafkaBootstrapServers, List<TestDatabase> databases, List<Integer> ports,
                          int smtpPort, Map<String, Map<String, String>> serviceEnv, Path logDir) throws Exception {
        return start(root, kafkaBootstrapServers, databases, ports, smtpPort, serviceEnv, QUICK_START_JVM, logDir);
    }

    /** As above, every service and the portal in JVMs started with {@code jvmOptions}. */
    static Platform start(Path root, String kafkaBootstrapServers, List<TestDatabase> databases, List<Integer> ports,
                          int smtpPort, Map<String, Map<String, String>> serviceEnv, List<String> jvmOptions,
                          Path logDir) throws Exception {
        Files.createDirectories(logDir);
        Platform platform = new Platform();
        String jwks = "http://localhost:" + ports.get(0) + "/keys";
        try {
            for (int i = 0; i < SERVICES.size(); i++) {
                String service = SERVICES.get(i);
                TestDatabase db = databases.get(i);
                Map<String, String> env = new HashMap<>(Map.of(
                        "DATASOURCES_DEFAULT_URL", db.url(),
                        "DATASOURCES_DEFAULT_USERNAME", db.user(),
                        "DATASOURCES_DEFAULT_PASSWORD", db.password(),
                        "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                        "JIEBANG_JWKS_URL", jwks));
                if (service.equals("notification-service")) {
                    env.put("JIEBANG_SMTP_HOST", "127.0.0.1");
                    env.put("JIEBANG_SMTP_PORT", Integer.toString(smtpPort));
                }
                if (service.equals("challenge-service")) {
                    env.put("JIEBANG_BOOTSTRAP_ADMIN_EMAIL", DemoData.ADMIN_EMAIL);
                    env.put("JIEBANG_BOOTSTRAP_ADMIN_PASSWORD", DemoData.ADMIN_PASSWORD);
                }
                env.putAll(serviceEnv.getOrDefault(service, Map.of()));
                platform.processes.add(ServiceProcess.start(service, jar(root, service), ports.get(i), env, jvmOptions,
                        logDir));
            }
            if (ports.size() > SERVICES.size()) {
                Map<String, String> env = new HashMap<>(portalEnv("http://localhost:" + ports.get(0),
                        "http://localhost:" + ports.get(1), "http://localhost:" + ports.get(2)));
                env.putAll(serviceEnv.getOrDefault(PORTAL, Map.of()));
                platform.processes.add(ServiceProcess.start(PORTAL, jar(root, PORTAL), ports.get(SERVICES.size()), env,
                        jvmOptions, logDir));
            }
            for (ServiceProcess process : platform.processes) {
                process.awaitHealthy(Duration.ofSeconds(180));
            }
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    /** Where the portal finds the services. */
    static Map<String, String> portalEnv(String challengeService, String bidService, String notificationService) {
        return Map.of("JIEBANG_CHALLENGE_SERVICE_URL", challengeService, "JIEBANG_BID_SERVICE_URL", bidService,
                "JIEBANG_NOTIFICATION_SERVICE_URL", notificationService);
    }

    /** A service's (or the portal's) runnable jar, as {@code ./mvnw package} builds it. */
    static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
    }

    /** {@code JIEBANG_JVM_OPTS}, split at spaces, when it is set; else {@code fallback}. */
    static List<String> jvmOptions(List<String> fallback) {
        String options = System.getenv("JIEBANG_JVM_OPTS");
        return options == null || options.isBlank() ? fallback : List.of(options.strip().split("\\s+"));
    }

    List<ServiceProcess> processes() {
        return List.copyOf(processes);
    }

    String url(String service) {
        return process(service).url();
    }

    ServiceProcess process(String service) {
        return processes.stream().filter(p -> p.name().equals(service)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        // in reverse, so consumers go before the producers they read from
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }

    /** The repository root: {@code JIEBANG_HOME}, or the nearest directory upwards holding {@code mvnw}. */
    static Path root() {
        String home = System.getenv("JIEBANG_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy/local"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root; set JIEBANG_HOME");
    }
}
