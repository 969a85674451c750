package cn.jiebang.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One service running as its own operating-system process, from its runnable jar; it can be killed and restarted. */
final class ServiceProcess implements AutoCloseable {

    private final int port;
    private final JvmProcess jvm;

    private ServiceProcess(int port, JvmProcess jvm) {
        this.port = port;
        this.jvm = jvm;
    }

    /** Starts {@code jar} in a JVM with {@code jvmOptions} (heap, collector, compiler) besides UTC and UTF-8. */
    static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, List<String> jvmOptions,
                                Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests install)");
        }
        List<String> arguments = new ArrayList<>(List.of("-Duser.timezone=UTC", "-Dfile.encoding=UTF-8"));
        arguments.addAll(jvmOptions);
        arguments.addAll(List.of("-jar", jar.toString()));
        Map<String, String> environment = new HashMap<>(env);
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        return new ServiceProcess(port, JvmProcess.start(name, arguments, environment, logDir.resolve(name + ".log")));
    }

    String name() {
        return jvm.name();
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path log() {
        return jvm.log();
    }

    long pid() {
        return jvm.pid();
    }

    /** kill -9: no shutdown hook, no graceful stop; requests in flight are cut off. */
    void kill() {
        jvm.kill();
    }

    /** Starts it again on the same port, with the same settings; its log goes on in the same file. */
    void restart() {
        jvm.restart();
    }

    /** Waits until {@code /health} answers 200, or fails with the end of the service's log. */
    void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException(name() + " exited with " + jvm.exitValue() + "\n" + jvm.tail());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url() + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name() + " was not healthy within " + timeout + "\n" + jvm.tail());
    }

    /** SIGTERM, so Micronaut shuts down gracefully (consumers commit, pools close); after 30 s, SIGKILL. */
    @Override
    public void close() {
        jvm.terminate(30);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
