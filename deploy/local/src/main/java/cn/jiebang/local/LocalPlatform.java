package cn.jiebang.local;

import cn.jiebang.devstack.EmbeddedKafka;
import cn.jiebang.devstack.EmbeddedMail;
import cn.jiebang.devstack.EmbeddedMariaDb;
import cn.jiebang.devstack.ServerDatabases;
import cn.jiebang.devstack.TestDatabase;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/run}: the whole platform on this machine with nothing installed — a real Kafka
 * broker and a real MariaDB in this process, the three services as separate processes, a demo
 * challenge published through the API. Ctrl-C stops the services, then the database and the broker.
 */
public final class LocalPlatform {

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path root = Platform.root();
        Path logDir = root.resolve("deploy/local/target/logs");
        List<Integer> ports = List.of(port("CHALLENGE_SERVICE_PORT", 8081), port("BID_SERVICE_PORT", 8082),
                port("NOTIFICATION_SERVICE_PORT", 8083), port("PORTAL_PORT", 8080));

        System.out.println("Starting Kafka (KRaft), MariaDB and a mail server (GreenMail) in-process ...");
        EmbeddedMail mail = new EmbeddedMail(port("SMTP_PORT", 3025), port("IMAP_PORT", 3143)).start();
        EmbeddedKafka kafka = new EmbeddedKafka().start();
        EmbeddedMariaDb mariaDb = new EmbeddedMariaDb();
        List<TestDatabase> databases = List.of(
                ServerDatabases.create(mariaDb.server(), "jiebang_challenge"),
                ServerDatabases.create(mariaDb.server(), "jiebang_bid"),
                ServerDatabases.create(mariaDb.server(), "jiebang_notification"));

        System.out.println("Starting " + String.join(", ", Platform.SERVICES) + " and the portal (logs in " + logDir + ") ...");
        Platform platform;
        try {
            platform = Platform.start(root, kafka.bootstrapServers(), databases, ports, mail.smtpPort(), Map.of(),
                    Platform.jvmOptions(Platform.QUICK_START_JVM), logDir);
        } catch (Exception e) {
            mariaDb.close();
            kafka.close();
            mail.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the services, MariaDB and Kafka ...");
            platform.close();
            mariaDb.close();
            kafka.close();
            mail.close();
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
        System.out.printf("%n  Kafka bootstrap        %s%n", kafka.bootstrapServers());
        System.out.printf("  MariaDB                %s (root, no password)%n", databases.get(0).server().url());
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
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }
}
