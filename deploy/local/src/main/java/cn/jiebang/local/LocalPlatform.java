package cn.jiebang.local;

import cn.jiebang.devstack.DatabaseServer;
import cn.jiebang.devstack.EmbeddedKafka;
import cn.jiebang.devstack.EmbeddedMail;
import cn.jiebang.devstack.EmbeddedMariaDb;
import cn.jiebang.devstack.ServerDatabases;
import cn.jiebang.devstack.TestDatabase;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/run}: the whole platform on this machine with nothing installed — a real Kafka
 * broker and a real MariaDB in this process, the three services as separate processes, a demo
 * challenge published through the API. Ctrl-C stops the services, then the database and the broker.
 *
 * <p>{@code KAFKA_BOOTSTRAP_SERVERS} points the services at a broker running elsewhere, and
 * {@code JIEBANG_DB_URL} (with {@code JIEBANG_DB_USER}, {@code JIEBANG_DB_PASSWORD}) at a MySQL or MariaDB
 * server, instead of starting them here: then the broker or the database can be stopped, killed or paused
 * on their own. On such a server the launcher creates its three databases, refusing to start if one exists,
 * and drops them when it stops.
 */
public final class LocalPlatform {

    private static final List<String> DATABASES = List.of("jiebang_challenge", "jiebang_bid", "jiebang_notification");

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path root = Platform.root();
        Path logDir = root.resolve("deploy/local/target/logs");
        List<Integer> ports = List.of(port("CHALLENGE_SERVICE_PORT", 8081), port("BID_SERVICE_PORT", 8082),
                port("NOTIFICATION_SERVICE_PORT", 8083), port("PORTAL_PORT", 8080));
        String externalKafka = env("KAFKA_BOOTSTRAP_SERVERS");
        String externalDatabase = env("JIEBANG_DB_URL");

        System.out.println("Starting " + (externalKafka == null ? "Kafka (KRaft), " : "")
                + (externalDatabase == null ? "MariaDB, " : "") + "a mail server (GreenMail) in-process ...");
        Deque<AutoCloseable> running = new ArrayDeque<>();
        EmbeddedMail mail = push(running, new EmbeddedMail(port("SMTP_PORT", 3025), port("IMAP_PORT", 3143)).start());
        String kafka = externalKafka != null ? externalKafka : push(running, new EmbeddedKafka().start()).bootstrapServers();
        DatabaseServer server;
        try {
            server = externalDatabase != null
                    ? ServerDatabases.serverAt(externalDatabase, envOr("JIEBANG_DB_USER", "root"), envOr("JIEBANG_DB_PASSWORD", ""))
                    : push(running, new EmbeddedMariaDb()).server();
            for (String name : DATABASES) {
                if (ServerDatabases.exists(server, name)) {
                    throw new IllegalStateException("database " + name + " exists on " + server.url()
                            + "; the launcher starts from empty databases and will not touch it: drop it first");
                }
            }
        } catch (RuntimeException e) {
            stop(running);
            throw e;
        }
        List<TestDatabase> databases = new ArrayList<>();
        for (String name : DATABASES) {
            // dropped at the end only on an external server: the embedded one is deleted as a whole
            TestDatabase database = ServerDatabases.create(server, name);
            databases.add(externalDatabase != null ? push(running, database) : database);
        }

        System.out.println("Starting " + String.join(", ", Platform.SERVICES) + " and the portal (logs in " + logDir + ") ...");
        Platform platform;
        try {
            platform = push(running, Platform.start(root, kafka, databases, ports, mail.smtpPort(), Map.of(),
                    Platform.jvmOptions(Platform.QUICK_START_JVM), logDir));
        } catch (Exception e) {
            stop(running);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the services, the databases, the broker and the mail server ...");
            stop(running);
            stopped.countDown();
            System.out.println("Stopped.");
        }, "local-platform-shutdown"));

        DemoData demo = new DemoData(platform.url("challenge-service"), platform.url("notification-service"));
        String admin = demo.token(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
        String agencyOrganization = demo.createAccounts(admin);
        demo.followNewMaterials();
        String challengeId = demo.publishDemoChallenge(admin, agencyOrganization, Instant.now());
        Duration startup = Duration.ofNanos(System.nanoTime() - started);

        String portal = platform.url(Platform.PORTAL);
        System.out.printf("%nJiebang is running (started in %.1f s).%n%n", startup.toMillis() / 1000.0);
        System.out.printf("  Portal: open %s in a browser (sign in with a demo login below).%n", portal);
        System.out.printf("          API clients use the same address: %s/api/... (one base URL for every service)%n%n", portal);
        for (ServiceProcess p : platform.processes()) {
            if (p.name().equals(Platform.PORTAL)) {
                continue;
            }
            System.out.printf("  %-22s %s   (pid %d, API docs %s/swagger-ui/index.html, log %s)%n",
                    p.name(), p.url(), p.pid(), p.url(), p.log());
        }
        System.out.printf("%n  Kafka bootstrap        %s%s%n", kafka, externalKafka != null ? " (external)" : "");
        System.out.printf("  Database server        %s%s%n", server.url(),
                externalDatabase != null ? " (external, as " + server.user() + ")" : " (MariaDB, root, no password)");
        System.out.printf("  Mail (GreenMail)       SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d (any password); the demo team's mail:%n",
                mail.smtpPort(), mail.imapPort());
        System.out.printf("    curl -s \"imap://127.0.0.1:%d/INBOX;UID=1\" --user team@jiebang.local:any%n", mail.imapPort());
        System.out.printf("%nDemo challenge %s is published:%n", challengeId);
        System.out.printf("  %s/challenges/%s%n", portal, challengeId);
        System.out.printf("  curl %s/api/challenges/%s%n", portal, challengeId);
        System.out.printf("  curl %s/api/challenges/%s/bidding%n", portal, challengeId);
        System.out.printf("  curl %s/api/notifications -H \"Authorization: Bearer $TOKEN\"%n", portal);
        System.out.printf("%nDemo logins (sign in at %s/signin, or POST %s/api/auth/token with {\"email\", \"password\"} for a token):%n",
                portal, portal);
        for (DemoData.Login login : DemoData.LOGINS) {
            System.out.printf("  %-7s %-22s %-20s %s%n", login.role(), login.email(), login.password(), login.organization());
        }
        System.out.println("\nPress Ctrl-C to stop.");
        stopped.await();
    }

    static int port(String variable, int fallback) {
        String value = env(variable);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** A variable's value, or null when it is unset or blank. */
    static String env(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? null : value;
    }

    private static String envOr(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null ? fallback : value;
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> running, T started) {
        running.push(started);
        return started;
    }

    /** The reverse of starting: the services first, then the databases, the broker and the mail server. */
    private static void stop(Deque<AutoCloseable> running) {
        for (AutoCloseable each; (each = running.poll()) != null; ) {
            try {
                each.close();
            } catch (Exception e) {
                System.err.println("stopping " + each + ": " + e);
            }
        }
    }
}
