package cn.jiebang.local;

import cn.jiebang.devstack.EmbeddedKafka;
import cn.jiebang.devstack.EmbeddedMail;
import cn.jiebang.devstack.EmbeddedMariaDb;
import cn.jiebang.devstack.ServerDatabases;
import cn.jiebang.devstack.TestDatabase;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * {@code deploy/local/bench-portal}: how long the portal takes to render its busiest pages. Starts the whole
 * platform as {@link LocalPlatform} does, but on free ports (so it runs beside a running platform) and in JVMs
 * with production settings; seeds published challenges through the services' APIs as the program office;
 * warms up; then requests each page one at a time, anonymous and signed in as the demo team, and reports the
 * server's time (the portal's {@code Server-Timing} header) and the time this client saw. Also the portal's
 * start-up time and its resident memory when idle, before and after the load.
 */
public final class PortalBenchmark {

    private static final String[] TOPICS = {"光刻胶", "碳化硅衬底", "工业软件", "固态电池", "脑机接口电极", "航空发动机叶片",
            "高端轴承"};
    private static final String[] FIELDS = {"NEW_GENERATION_IT", "BIOMEDICINE", "AEROSPACE", "BRAIN_COMPUTER_INTERFACE",
            "ADVANCED_MANUFACTURING", "NEW_MATERIALS", "NEW_ENERGY", "OTHER"};
    /** Parallel clients seeding; each composes its challenges from its own requirement, as publishing updates it. */
    private static final int SEEDERS = 4;
    private static final Pattern CSRF = Pattern.compile("X-CSRF-Token(?:&quot;|\")\\s*:\\s*(?:&quot;|\")([^&\"]+)");
    private static final Pattern SERVER_TIMING = Pattern.compile("app;dur=([0-9.]+)");
    private static final Pattern STARTUP = Pattern.compile("Startup completed in (\\d+)ms");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private PortalBenchmark() {
    }

    record Page(String name, Function<Random, String> path) {
    }

    record Sample(int status, double serverMillis, double clientMillis) {
    }

    record Row(Page page, Visitor visitor, List<Sample> samples) {
    }

    public static void main(String[] args) {
        Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running), "bench-shutdown"));
        try {
            run(option(args, "--challenges", 1000), option(args, "--requests", 500), option(args, "--warmup", 200),
                    running);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(int challenges, int requests, int warmup, Deque<AutoCloseable> running) throws Exception {
        List<String> jvm = Platform.jvmOptions(Platform.PRODUCTION_JVM);
        Path root = Platform.root();
        Path logDir = root.resolve("deploy/local/target/bench-logs");

        System.out.println("Starting Kafka, MariaDB and a mail server in-process, on free ports ...");
        EmbeddedMail mail = push(running, new EmbeddedMail().start());
        EmbeddedKafka kafka = push(running, new EmbeddedKafka().start());
        EmbeddedMariaDb mariaDb = push(running, new EmbeddedMariaDb());
        List<TestDatabase> databases = List.of(
                ServerDatabases.create(mariaDb.server(), "jiebang_challenge"),
                ServerDatabases.create(mariaDb.server(), "jiebang_bid"),
                ServerDatabases.create(mariaDb.server(), "jiebang_notification"));
        System.out.println("Starting the services and the portal with " + String.join(" ", jvm) + " (logs in "
                + logDir + ") ...");
        Platform platform = push(running, Platform.start(root, kafka.bootstrapServers(), databases,
                List.of(freePort(), freePort(), freePort(), freePort()), mail.smtpPort(), Map.of(), jvm, logDir));
        ServiceProcess portal = platform.processes().stream().filter(p -> p.name().equals(Platform.PORTAL))
                .findFirst().orElseThrow();
        String startup = startupMillis(portal.log());

        DemoData demo = new DemoData(platform.url("challenge-service"), platform.url("notification-service"));
        String admin = demo.token(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
        String agencyOrganization = demo.createAccounts(admin);
        long seeding = System.nanoTime();
        List<String> ids = seed(demo, admin, agencyOrganization, challenges);
        awaitBidding(demo, platform.url("bid-service"), ids);
        System.out.printf("Seeded %d published challenges in %.0f s; bid-service has them all.%n", ids.size(),
                (System.nanoTime() - seeding) / 1e9);

        long rssBefore = idleRss(portal.pid());
        String load = loadAverage();
        String base = platform.url(Platform.PORTAL);
        Visitor anonymous = new Visitor("anonymous", base);
        Visitor team = new Visitor("team", base).signIn("team@jiebang.local", DemoData.DEMO_PASSWORD);
        String filter = "?q=" + URLEncoder.encode(TOPICS[0], UTF_8) + "&field=NEW_MATERIALS";
        List<Page> pages = List.of(
                new Page("board  /challenges", random -> "/challenges"),
                new Page("board  /challenges?q=...&field=...", random -> "/challenges" + filter),
                new Page("challenge  /challenges/{id}", random -> "/challenges/" + ids.get(random.nextInt(ids.size()))));
        List<Row> rows = new ArrayList<>();
        for (Visitor visitor : List.of(anonymous, team)) {
            for (Page page : pages) {
                rows.add(new Row(page, visitor, new ArrayList<>()));
            }
        }

        System.out.printf("Warming up (%d requests), then %d requests per page and visitor, one at a time ...%n",
                warmup, requests);
        measure(rows, warmup, requests);
        String loadAfter = loadAverage();
        long rssAfter = idleRss(portal.pid());
        String alone = startAlone(platform, jvm, root, logDir);

        System.out.printf("%nPortal render times, %s: %d published challenges; %d requests per row after %d warm-up,"
                + " one at a time.%n", LocalDate.now(), ids.size(), requests, warmup);
        System.out.printf("JVMs of the services and the portal: -Duser.timezone=UTC -Dfile.encoding=UTF-8 %s (Java %s).%n",
                String.join(" ", jvm), Runtime.version());
        System.out.printf("Machine: %d cores, shared; Kafka, MariaDB, the services, the portal and this client all on it."
                + " Load average before %s, after %s.%n%n", Runtime.getRuntime().availableProcessors(), load, loadAfter);
        printTable(rows);
        System.out.printf("%nFiltered: %s (%d of %d challenges match). Challenge ids drawn at random (seed 42).%n",
                URLDecoder.decode(filter, UTF_8), matching(ids.size()), ids.size());
        if (rows.stream().flatMap(r -> r.samples().stream()).anyMatch(sample -> sample.status() != 200)) {
            System.out.println("A row whose status is not 200 measures the error page the portal answered with.");
        }
        System.out.printf("Portal start-up: %s ms by its log, started alongside the three services; started again"
                + " alone after the load: %s.%n", startup, alone);
        System.out.printf("Portal resident memory (VmRSS) after 10 s idle: %d MB before the load, %d MB after.%n",
                rssBefore / 1024, rssAfter / 1024);
    }

    private static void measure(List<Row> rows, int warmup, int requests) throws IOException, InterruptedException {
        Random random = new Random(42);
        for (int i = 0; i < warmup; i++) {
            Row row = rows.get(i % rows.size());
            row.visitor().get(row.page().path().apply(random));
        }
        // interleaved, so a burst of other work on the shared box falls on every row alike
        for (int i = 0; i < requests; i++) {
            for (Row row : rows) {
                row.samples().add(row.visitor().get(row.page().path().apply(random)));
            }
        }
    }

    private static void printTable(List<Row> rows) {
        System.out.printf("%-36s %-10s %-9s %27s   %27s%n", "", "", "", "server (Server-Timing) ms", "client ms");
        System.out.printf("%-36s %-10s %-9s %8s %8s %9s   %8s %8s %9s%n", "page", "visitor", "status",
                "p50", "p99", "max", "p50", "p99", "max");
        for (Row row : rows) {
            double[] server = row.samples().stream().mapToDouble(Sample::serverMillis).filter(d -> !Double.isNaN(d))
                    .sorted().toArray();
            double[] client = row.samples().stream().mapToDouble(Sample::clientMillis).sorted().toArray();
            System.out.printf("%-36s %-10s %-9s %s   %s%n", row.page().name(), row.visitor().name(),
                    statuses(row.samples()), percentiles(server), percentiles(client));
        }
    }

    /** N challenges in different fields and on different topics, created and published by {@link #SEEDERS} clients. */
    private static List<String> seed(DemoData demo, String admin, String agencyOrganization, int count)
            throws Exception {
        Instant now = Instant.now();
        List<String> requirements = new ArrayList<>();
        for (int s = 0; s < SEEDERS; s++) {
            requirements.add(demo.approvedRequirement(admin, now));
        }
        ExecutorService seeders = Executors.newFixedThreadPool(SEEDERS);
        try {
            List<Future<List<String>>> work = new ArrayList<>();
            for (int s = 0; s < SEEDERS; s++) {
                int seeder = s;
                work.add(seeders.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = seeder; i < count; i += SEEDERS) {
                        String topic = TOPICS[i % TOPICS.length];
                        ids.add(demo.publishChallenge(admin, agencyOrganization, requirements.get(seeder),
                                "基准榜单 %04d：%s国产化攻关".formatted(i, topic),
                                "研制满足产线要求的%s，关键指标达到国际先进水平，完成中试验证并形成稳定供货能力。".formatted(topic),
                                FIELDS[i % FIELDS.length], now));
                        if ((i + 1) % 100 == 0) {
                            System.out.printf("  %d challenges published%n", i + 1);
                        }
                    }
                    return ids;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<List<String>> w : work) {
                ids.addAll(w.get());
            }
            return ids;
        } finally {
            seeders.shutdownNow();
        }
    }

    /** Until bid-service has read every challenge's publication (the challenge page shows whether bidding is open). */
    private static void awaitBidding(DemoData demo, String bidService, List<String> ids) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        List<String> pending = ids;
        ExecutorService checkers = Executors.newFixedThreadPool(SEEDERS);
        try {
            while (!pending.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(pending.size() + " challenges never reached bid-service");
                }
                List<Callable<String>> checks = pending.stream()
                        .map(id -> (Callable<String>) () -> demo.biddingOpen(bidService, id) ? null : id).toList();
                List<String> still = new ArrayList<>();
                for (Future<String> check : checkers.invokeAll(checks)) {
                    if (check.get() != null) {
                        still.add(check.get());
                    }
                }
                pending = still;
                if (!pending.isEmpty()) {
                    Thread.sleep(500);
                }
            }
        } finally {
            checkers.shutdownNow();
        }
    }

    /** A browser as far as the portal can tell: keeps its session cookie, follows no redirects. */
    private static final class Visitor {

        private final String name;
        private final String base;
        private final HttpClient http;

        Visitor(String name, String base) {
            this.name = name;
            this.base = base;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
                    .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
        }

        String name() {
            return name;
        }

        /** Through the portal's form, as a person does: its CSRF token from the page, the session in a cookie. */
        Visitor signIn(String email, String password) throws IOException, InterruptedException {
            HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/signin")).GET());
            Matcher csrf = CSRF.matcher(form.body());
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token in GET /signin: " + form.statusCode());
            }
            HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/signin"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-CSRF-Token", csrf.group(1))
                    .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, UTF_8)
                            + "&password=" + URLEncoder.encode(password, UTF_8))));
            boolean session = signedIn.headers().allValues("Set-Cookie").stream()
                    .anyMatch(c -> c.startsWith("JIEBANG_SESSION="));
            if (signedIn.statusCode() != 303 || !session) {
                throw new IllegalStateException("sign-in as " + email + " answered " + signedIn.statusCode());
            }
            return this;
        }

        Sample get(String path) throws IOException, InterruptedException {
            long started = System.nanoTime();
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
            double client = (System.nanoTime() - started) / 1e6;
            double server = response.headers().firstValue("Server-Timing").map(SERVER_TIMING::matcher)
                    .filter(Matcher::find).map(m -> Double.parseDouble(m.group(1))).orElse(Double.NaN);
            return new Sample(response.statusCode(), server, client);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.header("Accept-Language", "zh-CN").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(UTF_8));
        }
    }

    /** p50, p99 (nearest rank) and max of sorted values. */
    private static String percentiles(double[] sorted) {
        if (sorted.length == 0) {
            return "%8s %8s %9s".formatted("-", "-", "-");
        }
        return "%8.1f %8.1f %9.1f".formatted(rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** "200", or each status with its count when they differ. */
    private static String statuses(List<Sample> samples) {
        Map<Integer, Long> counts = samples.stream()
                .collect(Collectors.groupingBy(Sample::status, TreeMap::new, Collectors.counting()));
        return counts.size() == 1 ? counts.keySet().iterator().next().toString()
                : counts.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(" "));
    }

    /** The process's resident memory in kB after ten idle seconds. */
    private static long idleRss(long pid) throws IOException, InterruptedException {
        Thread.sleep(10_000);
        Matcher rss = RSS.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
        if (!rss.find()) {
            throw new IllegalStateException("no VmRSS for process " + pid);
        }
        return Long.parseLong(rss.group(1));
    }

    /** A second portal, started while the platform is up and quiet: its own start-up, without the services'. */
    private static String startAlone(Platform platform, List<String> jvm, Path root, Path logDir) throws IOException {
        long started = System.nanoTime();
        try (ServiceProcess portal = ServiceProcess.start("portal-alone", Platform.jar(root, Platform.PORTAL), freePort(),
                Platform.portalEnv(platform.url("challenge-service"), platform.url("bid-service"),
                        platform.url("notification-service")), jvm, logDir)) {
            portal.awaitHealthy(Duration.ofSeconds(180));
            return startupMillis(portal.log()) + " ms by its log, " + (System.nanoTime() - started) / 1_000_000
                    + " ms from launch until /health answered";
        }
    }

    private static String startupMillis(Path log) throws IOException {
        Matcher startup = STARTUP.matcher(Files.readString(log));
        return startup.find() ? startup.group(1) : "(not in " + log + ")";
    }

    /** How many seeded challenges the filtered board finds: topic 0 in the title, field NEW_MATERIALS. */
    private static long matching(int count) {
        return IntStream.range(0, count)
                .filter(i -> i % TOPICS.length == 0 && FIELDS[i % FIELDS.length].equals("NEW_MATERIALS")).count();
    }

    private static String loadAverage() throws IOException {
        String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return load[0] + " " + load[1] + " " + load[2];
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> running, T started) {
        running.push(started);
        return started;
    }

    /** The portal and services first, then the database, the broker and mail: the reverse of starting. */
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
