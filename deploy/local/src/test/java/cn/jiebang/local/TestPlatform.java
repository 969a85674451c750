package cn.jiebang.local;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestDatabase;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform as an end-to-end test runs it: the services (and the portal, if asked) as processes on free
 * ports, each on a new database named {@code <name>_<service>}, on the test broker and mail server, logging
 * to {@code deploy/local/target/<name>-logs}. Closing it stops the processes and drops the databases.
 */
final class TestPlatform implements AutoCloseable {

    private final List<TestDatabase> databases;
    private final Platform platform;

    private TestPlatform(List<TestDatabase> databases, Platform platform) {
        this.databases = databases;
        this.platform = platform;
    }

    static TestPlatform start(String name, boolean withPortal) throws Exception {
        return start(name, withPortal, Map.of());
    }

    /** With more environment variables per service (e.g. a shorter 公示 day). */
    static TestPlatform start(String name, boolean withPortal, Map<String, Map<String, String>> serviceEnv)
            throws Exception {
        List<TestDatabase> databases = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (String service : Platform.SERVICES) {
            databases.add(Devstack.database(name + "_" + service.replace("-service", "")));
            ports.add(freePort());
        }
        if (withPortal) {
            ports.add(freePort());
        }
        Path root = Platform.root();
        try {
            return new TestPlatform(databases, Platform.start(root, Devstack.kafkaBootstrapServers(), databases, ports,
                    Devstack.mail().smtpPort(), serviceEnv, root.resolve("deploy/local/target/" + name + "-logs")));
        } catch (Exception | Error e) {
            databases.forEach(Devstack::drop);
            throw e;
        }
    }

    String url(String service) {
        return platform.url(service);
    }

    @Override
    public void close() {
        platform.close();
        databases.forEach(Devstack::drop);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
