package cn.jiebang.local;

import cn.jiebang.devstack.DatabaseServer;
import cn.jiebang.devstack.EmbeddedMail;
import cn.jiebang.devstack.ServerDatabases;
import cn.jiebang.devstack.TestDatabase;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code deploy/local/fault-harness}: the platform with the broker and the database as processes of their own,
 * a surge of bids from teams that retry with their {@code Idempotency-Key}, and a fault in the middle of each
 * part of the surge — a service killed or stopped, the broker killed, the database paused. After each fault,
 * once the bids have drained, it checks that nothing was lost or doubled ({@link Invariants}) and reports how
 * long the flow stalled. {@code FaultHarnessIT} runs the short form in {@code ./mvnw verify}.
 */
public final class FaultHarness {

    /** What to run: how many bids, from how many teams on how many challenges, and which faults, in order. */
    record Options(int bids, int teams, int challenges, int clients, Duration requestTimeout, List<Fault> faults,
                   List<String> jvm) {

        static final List<Fault> EVERY_FAULT = Stream.of("none", "kill:challenge-service", "kill:bid-service",
                "kill:notification-service", "kill:broker", "pause:database", "term:bid-service").map(Fault::parse).toList();

        /** The short form, for CI: one fault of each kind, a few hundred bids, JVMs that start quickly. */
        static Options shortForm() {
            return new Options(300, 15, 4, 6, Duration.ofSeconds(5), Stream.of("kill:notification-service",
                    "kill:broker", "pause:database", "term:bid-service").map(Fault::parse).toList(),
                    Platform.QUICK_START_JVM);
        }

        /** The long form's defaults, changed by {@code --bids}, {@code --teams}, {@code --challenges}, ... */
        static Options parse(String[] args) {
            List<String> list = Arrays.asList(args);
            String faults = option(list, "--faults", null);
            return new Options(Integer.parseInt(option(list, "--bids", "3000")),
                    Integer.parseInt(option(list, "--teams", "50")),
                    Integer.parseInt(option(list, "--challenges", "6")),
                    Integer.parseInt(option(list, "--clients", "8")),
                    Duration.ofSeconds(Integer.parseInt(option(list, "--timeout", "5"))),
                    faults == null ? EVERY_FAULT : Arrays.stream(faults.split(",")).map(Fault::parse).toList(),
                    Platform.jvmOptions(Platform.PRODUCTION_JVM));
        }

        /** Enough bids per organization and challenge for {@link #bids} in all. */
        int bidsPerOrganization() {
            return (bids + teams * challenges - 1) / (teams * challenges);
        }

        private static String option(List<String> args, String name, String fallback) {
            int at = args.indexOf(name);
            return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
        }
    }

    /**
     * One fault and what it did to the bids sent around it. {@code bidsStalled} is the longest time without a
     * receipt from the fault on; the other times are from the fault: until the failed part answered again, until
     * the part's last receipt, until the last of its bids was notified. Lags are from a receipt's server time to its
     * notification and to its e-mail. {@code emailCopies}: e-mails received a second time after this fault.
     */
    record Phase(Fault fault, int orders, Fault.Recovery recovery, Duration bidsStalled, Duration lastReceipt,
                 Duration notificationsCaughtUp, Duration medianNotificationLag, Duration maxNotificationLag,
                 Duration maxEmailLag, Map<String, Long> failedAttempts, long replayed, int emailCopies,
                 boolean drained, Invariants.Check check) {
    }

    /** The whole run. */
    record Report(Options options, Duration startup, Duration total, List<Phase> phases) {

        /** Every invariant broken after any fault; empty when nothing was lost or doubled. */
        List<String> violations() {
            List<String> all = new ArrayList<>();
            for (Phase phase : phases) {
                if (!phase.drained()) {
                    all.add("after " + phase.fault() + ": the bids did not drain in time");
                }
                phase.check().violations().forEach(v -> all.add("after " + phase.fault() + ": " + v));
            }
            return all;
        }

        /** One line per fault; times in seconds. */
        String table() {
            StringBuilder out = new StringBuilder();
            String columns = "%-28s %5s %6s %8s %8s %9s %8s %8s %8s %7s  %s%n";
            out.append(String.format(columns, "fault", "bids", "back", "bids", "last", "notified", "notice", "notice",
                    "e-mail", "e-mail", "attempts retried (receipts replayed)"));
            out.append(String.format(columns, "", "", "after", "stalled", "receipt", "all", "lag p50", "lag max",
                    "lag max", "copies", ""));
            for (Phase p : phases) {
                out.append(String.format(columns, p.fault(), p.orders(),
                        seconds(Duration.between(p.recovery().faultAt(), p.recovery().recoveredAt())),
                        seconds(p.bidsStalled()), seconds(p.lastReceipt()), seconds(p.notificationsCaughtUp()),
                        seconds(p.medianNotificationLag()), seconds(p.maxNotificationLag()), seconds(p.maxEmailLag()),
                        p.emailCopies(), (p.failedAttempts().isEmpty() ? "none" : p.failedAttempts().toString())
                                + (p.replayed() > 0 ? " (" + p.replayed() + ")" : "")));
            }
            return out.toString();
        }
    }

    private FaultHarness() {
    }

    public static void main(String[] args) {
        try {
            Report report = run(Options.parse(args), Platform.root(), System.out);
            System.exit(report.violations().isEmpty() ? 0 : 1);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(2);
        }
    }

    static Report run(Options options, Path root, PrintStream out) throws Exception {
        Instant started = Instant.now();
        Deque<AutoCloseable> running = new ArrayDeque<>();
        Thread stopAll = new Thread(() -> stop(running), "fault-harness-shutdown");
        Runtime.getRuntime().addShutdownHook(stopAll);
        try {
            Running platform = start(options, root.resolve("deploy/local/target/fault-harness"), root, running, out);
            List<BidTraffic.Order> orders = seed(options, platform, out);
            Duration startup = Duration.between(started, Instant.now());
            out.printf("Ready after %d s: %d teams, %d challenges (%d bids per organization); %d bids to send from %d"
                            + " clients, every fifth revised once, in %d parts, one fault in each.%n%n",
                    startup.toSeconds(), options.teams(), options.challenges(), options.bidsPerOrganization(),
                    orders.size(), options.clients(), options.faults().size());

            BidTraffic traffic = new BidTraffic(platform.services().url("bid-service"), options.clients(),
                    options.requestTimeout());
            Invariants invariants = new Invariants(platform.databases(), platform.broker().bootstrapServers(),
                    platform.mail());
            List<BidTraffic.Surge> surges = new ArrayList<>();
            List<Phase> phases = new ArrayList<>();
            List<List<BidTraffic.Order>> parts = split(orders, options.faults().size());
            for (int i = 0; i < parts.size(); i++) {
                Fault fault = options.faults().get(i);
                out.printf("[%d/%d] %d bids; %s once a quarter of them are in ...%n", i + 1, parts.size(),
                        parts.get(i).size(), fault);
                phases.add(phase(fault, parts.get(i), platform, traffic, surges, invariants,
                        phases.isEmpty() ? null : phases.get(phases.size() - 1), out));
            }
            Report report = new Report(options, startup, Duration.between(started, Instant.now()), phases);
            print(report, orders.size(), out);
            return report;
        } finally {
            stop(running);
            try {
                Runtime.getRuntime().removeShutdownHook(stopAll);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    /** What the harness started: each a process of its own but the mail server, which it reads in-process. */
    private record Running(EmbeddedMail mail, BrokerProcess broker, DatabaseProcess database, Platform services,
                           Invariants.Databases databases) {

        Fault.Processes processes() {
            return new Fault.Processes(services, broker, database);
        }
    }

    /** The broker and the database on fresh directories under {@code work}, their three databases, the services. */
    private static Running start(Options options, Path work, Path root, Deque<AutoCloseable> running, PrintStream out)
            throws Exception {
        Path logs = work.resolve("logs");
        deleteRecursively(work.resolve("kafka"));
        deleteRecursively(work.resolve("mariadb"));
        Files.createDirectories(logs);
        out.printf("Starting the broker and the database as processes of their own (logs in %s) ...%n", logs);
        EmbeddedMail mail = push(running, new EmbeddedMail().start());
        BrokerProcess broker = push(running, BrokerProcess.start(work.resolve("kafka"), logs.resolve("kafka.log")));
        DatabaseProcess database = push(running, DatabaseProcess.start(work.resolve("mariadb"),
                logs.resolve("mariadb.log")));
        DatabaseServer server = database.server();
        List<TestDatabase> databases = Stream.of("jiebang_challenge", "jiebang_bid", "jiebang_notification")
                .map(name -> ServerDatabases.create(server, name)).toList();
        out.printf("Broker pid %d at %s; MariaDB at %s (mariadbd pid %d). Starting the services ...%n",
                broker.pid(), broker.bootstrapServers(), server.url(), database.serverPid());
        Platform services = push(running, Platform.start(root, broker.bootstrapServers(), databases,
                List.of(BrokerProcess.freePort(), BrokerProcess.freePort(), BrokerProcess.freePort()), mail.smtpPort(),
                Map.of("challenge-service", Map.of(
                        // cheap password hashing, so that many teams sign up and in quickly
                        "JIEBANG_PASSWORDS_BCRYPT_STRENGTH", "4",
                        // a key of its own, as in production: a restarted challenge-service must accept its tokens
                        "JIEBANG_AUTH_SIGNING_KEY_PEM", signingKeyPem())), options.jvm(), logs));
        return new Running(mail, broker, database, services,
                new Invariants.Databases(databases.get(0), databases.get(1), databases.get(2)));
    }

    /** A fresh RSA key, PKCS#8 PEM, for challenge-service to sign tokens with across its restarts. */
    private static String signingKeyPem() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /**
     * One part of the surge with its fault: the bids start, the fault strikes once a quarter of them have their
     * receipts, the failed part is brought back; once every bid has its answer and the flow has drained, the
     * invariants are checked over all the bids so far.
     */
    private static Phase phase(Fault fault, List<BidTraffic.Order> part, Running platform, BidTraffic traffic,
                               List<BidTraffic.Surge> surges, Invariants invariants, Phase previous, PrintStream out)
            throws Exception {
        BidTraffic.Surge surge = traffic.start(part);
        surges.add(surge);
        surge.awaitReceipts(Math.max(1, part.size() / 4), Duration.ofMinutes(3));
        Fault.Recovery recovery = fault.injectAndRecover(platform.processes());
        out.printf("      back %.1f s after the fault; waiting for the bids and their notifications ...%n",
                Duration.between(recovery.faultAt(), recovery.recoveredAt()).toMillis() / 1000.0);
        surge.awaitDone();
        boolean drained = invariants.awaitDrained(Duration.ofMinutes(5));
        Invariants.Check check = invariants.check(surges.stream().flatMap(s -> s.receipts().stream()).toList(),
                surges.stream().flatMap(s -> s.unacknowledged().stream()).toList());
        out.printf("      %s; %s%n", check.violations().isEmpty() ? "nothing lost or doubled"
                : check.violations().size() + " VIOLATIONS, the first: " + first(check.violations()), check.counts());
        check.notes().forEach(note -> out.printf("      note: %s%n", note));
        int copiesBefore = previous == null ? 0 : previous.check().counts().get("e-mail copies");
        return measure(fault, part.size(), recovery, surge, drained, check,
                check.counts().get("e-mail copies") - copiesBefore);
    }

    private static void print(Report report, int bids, PrintStream out) {
        Options options = report.options();
        Map<String, Integer> counts = report.phases().get(report.phases().size() - 1).check().counts();
        out.printf("%nFault harness, %s: %d bids (%d receipts with the revisions) from %d teams on %d challenges,"
                        + " %d clients, request timeout %d s.%n", LocalDate.now(), bids, counts.get("receipts"),
                options.teams(), options.challenges(), options.clients(), options.requestTimeout().toSeconds());
        out.printf("Service JVMs: -Duser.timezone=UTC -Dfile.encoding=UTF-8 %s (Java %s); %d cores, shared.%n",
                String.join(" ", options.jvm()), Runtime.version(), Runtime.getRuntime().availableProcessors());
        out.printf("Seconds. back after: from the fault until the part that failed answered again; bids stalled:"
                + " the longest time without a receipt from the fault on; last receipt, notified all: from the fault"
                + " until the part's last receipt, and until the last of its receipts was notified; lags: from a"
                + " receipt's server time to its notification (notice) and its e-mail.%n%n");
        out.print(report.table());
        out.printf("%n%s in %d s (start-up %d s).%n", report.violations().isEmpty() ? "Nothing lost or doubled"
                : report.violations().size() + " violations, the first: " + first(report.violations()),
                report.total().toSeconds(), report.startup().toSeconds());
    }

    private static List<String> first(List<String> violations) {
        return violations.subList(0, Math.min(5, violations.size()));
    }

    /**
     * The program office's way in, as {@link DemoData} does it: the demo accounts, a requirement, the challenges
     * (each taking {@link Options#bidsPerOrganization()} bids per organization) and one organization with one
     * TEAM user per team, all through the API; then waits until bid-service and notification-service know them.
     * Returns the bids to make, team by team and challenge by challenge interleaved.
     */
    private static List<BidTraffic.Order> seed(Options options, Running platform, PrintStream out) throws Exception {
        Platform services = platform.services();
        Invariants.Databases dbs = platform.databases();
        DemoData demo = new DemoData(services.url("challenge-service"), services.url("notification-service"));
        String admin = demo.token(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
        String agency = demo.createAccounts(admin);
        Instant now = Instant.now();
        String requirement = demo.approvedRequirement(admin, now);
        List<String> challenges = new ArrayList<>();
        for (int c = 0; c < options.challenges(); c++) {
            challenges.add(demo.publishChallenge(admin, agency, requirement, "故障演练榜单 %02d：28纳米ArF光刻胶".formatted(c),
                    "研制满足28纳米工艺要求的ArF光刻胶，完成产线验证。", "NEW_MATERIALS", now, options.bidsPerOrganization()));
        }
        List<BidTraffic.Team> teams = new ArrayList<>();
        for (int t = 0; t < options.teams(); t++) {
            String name = "演练团队%03d".formatted(t);
            String email = "team%03d@faults.jiebang.local".formatted(t);
            String organization = demo.createTeam(admin, 500_000 + t, name, email, DemoData.DEMO_PASSWORD);
            DemoData.Session session = demo.session(email, DemoData.DEMO_PASSWORD);
            teams.add(new BidTraffic.Team(name, organization, session.userId(), email, session.token()));
        }
        out.printf("Seeded %d teams and %d challenges; waiting for bid-service and notification-service to know them ...%n",
                teams.size(), challenges.size());
        String organizations = teams.stream().map(t -> "'" + t.organizationId() + "'").collect(Collectors.joining(","));
        String users = teams.stream().map(t -> "'" + t.userId() + "'").collect(Collectors.joining(","));
        awaitCount(dbs.bid(), "SELECT COUNT(*) FROM known_organization WHERE organization_id IN (" + organizations + ")",
                teams.size());
        awaitCount(dbs.bid(), "SELECT COUNT(*) FROM bidding_challenge", challenges.size());
        awaitCount(dbs.notification(), "SELECT COUNT(*) FROM recipient WHERE user_id IN (" + users + ")", teams.size());

        List<BidTraffic.Order> orders = new ArrayList<>();
        for (int n = 0; n < options.bidsPerOrganization(); n++) {
            for (int c = 0; c < challenges.size(); c++) {
                for (BidTraffic.Team team : teams) {
                    if (orders.size() < options.bids()) {
                        orders.add(new BidTraffic.Order("bid-%05d".formatted(orders.size()), team, challenges.get(c), n,
                                orders.size() % 5 == 4));
                    }
                }
            }
        }
        return orders;
    }

    private static void awaitCount(TestDatabase db, String sql, long expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Invariants.count(db, sql) < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("still fewer than " + expected + " rows: " + sql);
            }
            Thread.sleep(250);
        }
    }

    private static Phase measure(Fault fault, int orders, Fault.Recovery recovery, BidTraffic.Surge surge,
                                 boolean drained, Invariants.Check check, int emailCopies) {
        Instant faultAt = recovery.faultAt();
        List<BidTraffic.Receipt> receipts = surge.receipts();
        Duration stalled = Duration.ZERO;
        Instant previous = faultAt;
        for (Instant received : receipts.stream().map(BidTraffic.Receipt::receivedAt).filter(faultAt::isBefore)
                .sorted().toList()) {
            stalled = max(stalled, Duration.between(previous, received));
            previous = received;
        }
        Duration lastReceipt = receipts.stream().map(r -> Duration.between(faultAt, r.receivedAt()))
                .max(Comparator.naturalOrder()).orElse(null);
        List<Instant> notified = receipts.stream()
                .map(r -> check.notifiedAt().get(new Invariants.Version(r.bidId(), r.version())))
                .filter(Objects::nonNull).toList();
        Duration caughtUp = notified.stream().max(Comparator.naturalOrder())
                .map(last -> Duration.between(faultAt, last)).orElse(null);
        List<Duration> lags = lags(receipts, check.notifiedAt());
        List<Duration> emailLags = lags(receipts, check.emailedAt());
        return new Phase(fault, orders, recovery, stalled, lastReceipt, caughtUp,
                lags.isEmpty() ? null : lags.get(lags.size() / 2), lags.isEmpty() ? null : lags.get(lags.size() - 1),
                emailLags.isEmpty() ? null : emailLags.get(emailLags.size() - 1), surge.failedAttempts(),
                receipts.stream().filter(BidTraffic.Receipt::replayed).count(), emailCopies, drained, check);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** From each receipt's server time to when {@code at} says its version got somewhere, sorted. */
    private static List<Duration> lags(List<BidTraffic.Receipt> receipts, Map<Invariants.Version, Instant> at) {
        return receipts.stream().filter(r -> !r.replayed())
                .map(r -> {
                    Instant reached = at.get(new Invariants.Version(r.bidId(), r.version()));
                    return reached == null ? null : Duration.between(r.serverTime(), reached);
                })
                .filter(Objects::nonNull).sorted().toList();
    }

    /** The orders in {@code parts} consecutive parts of (nearly) equal size. */
    private static <T> List<List<T>> split(List<T> all, int parts) {
        List<List<T>> split = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            split.add(all.subList(all.size() * i / parts, all.size() * (i + 1) / parts));
        }
        return split;
    }

    private static String seconds(Duration duration) {
        return duration == null ? "-" : String.format("%.1f", duration.toMillis() / 1000.0);
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> running, T started) {
        running.push(started);
        return started;
    }

    /** The services first, then the database, the broker and the mail server: the reverse of starting. */
    private static void stop(Deque<AutoCloseable> running) {
        for (AutoCloseable each; (each = running.poll()) != null; ) {
            try {
                each.close();
            } catch (Exception e) {
                System.err.println("stopping " + each + ": " + e);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
