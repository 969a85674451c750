package cn.jiebang.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** What {@link StandaloneKafka} and {@link StandaloneMariaDb} share: their options, and how they run until stopped. */
final class Standalone {

    private Standalone() {
    }

    static String option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("missing option " + name);
    }

    static int port(String[] args, String name) {
        return Integer.parseInt(option(args, name));
    }

    static Path directory(String[] args, String name) {
        return Path.of(option(args, name)).toAbsolutePath();
    }

    /** The process that started this one, taken before anything else: once it is gone, this one is reparented. */
    static ProcessHandle launcher() {
        return ProcessHandle.current().parent().orElse(null);
    }

    /**
     * Blocks until the JVM is stopped (SIGTERM runs {@code stop} first), or until {@code launcher} is gone: a server
     * must not outlive the launcher that would otherwise stop it.
     */
    static void runUntilStopped(ProcessHandle launcher, Runnable stop) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "standalone-shutdown"));
        CountDownLatch orphaned = new CountDownLatch(1);
        if (launcher != null) {
            launcher.onExit().thenRun(orphaned::countDown);
        }
        orphaned.await();
        System.exit(0);
    }
}
