package cn.jiebang.notification.delivery.application;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The POST goes to the address that was checked, with the URL's host name kept in Host and for https in the
 * certificate check. The names used here exist in no DNS: a request that arrives was not looked up again.
 */
class WebhookPostTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private HttpServer server;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void answer(HttpServer server, int status) {
        this.server = server;
        server.createContext("/hook", exchange -> {
            received.add(Map.of("host", exchange.getRequestHeaders().getFirst("Host"),
                    "uri", exchange.getRequestURI().toString(),
                    "delivery", exchange.getRequestHeaders().getFirst("X-Jiebang-Delivery"),
                    "type", exchange.getRequestHeaders().getFirst("Content-Type"),
                    "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    private static WebhookTargets pinnedTo(InetAddress address) {
        return new WebhookTargets(true, host -> List.of(InetAddress.getByAddress(host, address.getAddress())));
    }

    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json; charset=utf-8",
            "X-Jiebang-Delivery", "d-1");

    @Test
    void postsToTheCheckedAddressWithTheUrlsHostInTheHostHeader() throws Exception {
        answer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), 204);
        int port = server.getAddress().getPort();
        WebhookTargets.Target target = pinnedTo(InetAddress.getLoopbackAddress())
                .target("http://hooks.partner.invalid:" + port + "/hook?team=7");
        WebhookPost post = new WebhookPost(null, Duration.ofSeconds(2), Duration.ofSeconds(5));

        int status = post.send(target, HEADERS, "{\"a\":\"储能\"}".getBytes(StandardCharsets.UTF_8));

        assertEquals(204, status);
        assertEquals(1, received.size());
        Map<String, String> request = received.get(0);
        assertEquals("hooks.partner.invalid:" + port, request.get("host"));
        assertEquals("/hook?team=7", request.get("uri"));
        assertEquals("d-1", request.get("delivery"));
        assertEquals("{\"a\":\"储能\"}", request.get("body"));
    }

    @Test
    void anAnswerButTwoHundredIsReturnedAsItIs() throws Exception {
        answer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), 503);
        WebhookTargets.Target target = pinnedTo(InetAddress.getLoopbackAddress())
                .target("http://hooks.partner.invalid:" + server.getAddress().getPort() + "/hook");
        assertEquals(503, new WebhookPost(null, Duration.ofSeconds(2), Duration.ofSeconds(5))
                .send(target, HEADERS, new byte[0]));
    }

    @Test
    void httpsChecksTheCertificateAgainstTheUrlsHostNotTheAddress(@TempDir Path dir) throws Exception {
        KeyStore keys = selfSigned(dir, "hooks.partner.invalid");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        answer(https, 200);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);
        WebhookPost post = new WebhookPost(clientTls.getSocketFactory(), Duration.ofSeconds(2), Duration.ofSeconds(5));
        int port = server.getAddress().getPort();
        WebhookTargets pinned = pinnedTo(InetAddress.getLoopbackAddress());

        assertEquals(200, post.send(pinned.target("https://hooks.partner.invalid:" + port + "/hook"), HEADERS, new byte[0]));
        assertEquals("hooks.partner.invalid:" + port, received.get(0).get("host"));

        assertThrows(SSLHandshakeException.class, () -> post.send(
                pinned.target("https://other.partner.invalid:" + port + "/hook"), HEADERS, new byte[0]),
                "the certificate names another host");
        assertEquals(1, received.size());
    }

    @Test
    void noAnswerInTimeIsAFailure() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            WebhookTargets.Target target = pinnedTo(InetAddress.getLoopbackAddress())
                    .target("http://hooks.partner.invalid:" + silent.getLocalPort() + "/hook");
            long start = System.nanoTime();
            assertThrows(IOException.class, () -> new WebhookPost(null, Duration.ofSeconds(1), Duration.ofMillis(500))
                    .send(target, HEADERS, new byte[0]));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
        }
    }

    /** A key pair and a self-signed certificate for the host name, made with the JDK's keytool. */
    private static KeyStore selfSigned(Path dir, String host) throws Exception {
        Path file = dir.resolve("hook.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + host, "-ext", "SAN=dns:" + host, "-keystore", file.toString(),
                "-storetype", "PKCS12", "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(file.toFile())) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
