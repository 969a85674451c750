package cn.jiebang.local;

import java.time.Duration;
import java.time.Instant;

/**
 * A fault the harness injects while bids are coming in, and what brings the platform back from it, as an
 * operator or a supervisor would: a killed process is started again at once, a paused database resumed.
 */
sealed interface Fault {

    /** What runs: the services, the broker and the database, each its own process. */
    record Processes(Platform services, BrokerProcess broker, DatabaseProcess database) {
    }

    /** When the fault struck, and when the part that failed answered again. */
    record Recovery(Instant faultAt, Instant recoveredAt) {
    }

    Duration READY_WITHIN = Duration.ofSeconds(180);

    /** Injects the fault, then brings the part back; returns once it answers again. */
    Recovery injectAndRecover(Processes processes) throws Exception;

    /**
     * {@code kill:<service>}, {@code kill:broker}, {@code pause:database} (10 s) or {@code pause:database:<seconds>},
     * {@code term:<service>}, or {@code none} for a part of the surge without a fault, to compare with.
     */
    static Fault parse(String spec) {
        String[] parts = spec.strip().split(":");
        return switch (parts[0]) {
            case "none" -> new None();
            case "kill" -> parts[1].equals("broker") ? new KillBroker() : new KillService(service(parts[1]));
            case "term" -> new TerminateService(service(parts[1]));
            case "pause" -> new PauseDatabase(Duration.ofSeconds(parts.length > 2 ? Integer.parseInt(parts[2]) : 10));
            default -> throw new IllegalArgumentException("unknown fault " + spec
                    + " (kill:<service>, kill:broker, pause:database[:seconds], term:<service>, none)");
        };
    }

    private static String service(String name) {
        if (!Platform.SERVICES.contains(name)) {
            throw new IllegalArgumentException("no service " + name + "; one of " + Platform.SERVICES);
        }
        return name;
    }

    /** No fault: the same surge, for the figures without one. */
    record None() implements Fault {
        @Override
        public Recovery injectAndRecover(Processes processes) {
            Instant now = Instant.now();
            return new Recovery(now, now);
        }

        @Override
        public String toString() {
            return "no fault";
        }
    }

    /** kill -9 of a service, mid-request; then it is started again. */
    record KillService(String service) implements Fault {
        @Override
        public Recovery injectAndRecover(Processes processes) {
            ServiceProcess process = processes.services().process(service);
            Instant faultAt = Instant.now();
            process.kill();
            process.restart();
            process.awaitHealthy(READY_WITHIN);
            return new Recovery(faultAt, Instant.now());
        }

        @Override
        public String toString() {
            return "kill -9 " + service;
        }
    }

    /** SIGTERM of a service: Micronaut's graceful shutdown, with requests in flight; then it is started again. */
    record TerminateService(String service) implements Fault {
        @Override
        public Recovery injectAndRecover(Processes processes) {
            ServiceProcess process = processes.services().process(service);
            Instant faultAt = Instant.now();
            process.close();
            process.restart();
            process.awaitHealthy(READY_WITHIN);
            return new Recovery(faultAt, Instant.now());
        }

        @Override
        public String toString() {
            return "SIGTERM " + service;
        }
    }

    /** kill -9 of the broker's JVM; then it is started again on the same port and log directory. */
    record KillBroker() implements Fault {
        @Override
        public Recovery injectAndRecover(Processes processes) throws Exception {
            Instant faultAt = Instant.now();
            processes.broker().kill();
            processes.broker().restart();
            return new Recovery(faultAt, Instant.now());
        }

        @Override
        public String toString() {
            return "kill -9 broker";
        }
    }

    /** SIGSTOP of mariadbd for a while, then SIGCONT: every service's database stops answering at once. */
    record PauseDatabase(Duration duration) implements Fault {
        @Override
        public Recovery injectAndRecover(Processes processes) throws Exception {
            Instant faultAt = Instant.now();
            processes.database().pause();
            try {
                Thread.sleep(duration.toMillis());
            } finally {
                processes.database().resume();
            }
            return new Recovery(faultAt, Instant.now());
        }

        @Override
        public String toString() {
            return "database paused " + duration.toSeconds() + " s";
        }
    }
}
