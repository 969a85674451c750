package cn.jiebang.notification;

import cn.jiebang.devstack.TestTokens;
import cn.jiebang.events.UserRegistered;
import cn.jiebang.notification.delivery.application.DeliveryDispatcher;
import cn.jiebang.notification.delivery.application.HostResolver;
import cn.jiebang.testing.Events;
import cn.jiebang.testing.Published;
import cn.jiebang.testing.Sql;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks with the address rules on (no allow-private-addresses): refused at registration, and refused
 * again when the host's address has changed by the time of the POST (DNS rebinding), without connecting.
 * The host names here are answered by a stand-in resolver, as DNS would answer them.
 */
class WebhookAddressGuardIT extends NotificationServiceIT {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    private final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();

    @Inject
    DeliveryDispatcher dispatcher;

    @MockBean(HostResolver.class)
    HostResolver resolver() {
        return host -> dns.containsKey(host) ? dns.get(host) : new HostResolver.Default().resolve(host);
    }

    @Override
    protected Map<String, String> properties() {
        return Map.of("jiebang.deliveries.enabled", "false",
                "jiebang.deliveries.max-attempts", "1");
    }

    /** An address of this host other than loopback, as a receiver inside the platform's network would have. */
    private static InetAddress ownAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (nic.isUp() && !address.isLoopbackAddress() && address instanceof Inet4Address) {
                    return address;
                }
            }
        }
        return InetAddress.getLoopbackAddress();
    }

    private static InetAddress address(String literal) throws IOException {
        return InetAddress.getByName(literal);
    }

    private HttpResponse<Map<String, Object>> register(String token, String url) {
        return http.toBlocking().exchange(HttpRequest.POST("/api/webhooks", Map.of("url", url)).bearerAuth(token), JSON);
    }

    @Test
    void registrationRefusesAddressesThatAreNotPublicAndThisHostsOwn() throws Exception {
        String agency = TestTokens.shared().token(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "AGENCY");
        for (String host : List.of(ownAddress().getHostAddress(), "100.64.0.1", "198.18.0.1", "192.0.0.1",
                "192.0.2.7", "240.0.0.1", "[64:ff9b::7f00:1]", "[2001:db8::1]", "[::ffff:127.0.0.1]", "[fd00::2]")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> register(agency, "https://" + host + ":8443/hook"), host);
            assertEquals(422, refused.getStatus().getCode(), host);
            assertTrue(refused.getResponse().getBody(String.class).orElse("").contains("webhook-url-not-allowed"), host);
        }
        dns.put("private.partner.example", List.of(address("93.184.215.14"), address("10.20.30.40")));
        assertEquals(422, assertThrows(HttpClientResponseException.class,
                () -> register(agency, "https://private.partner.example/hook")).getStatus().getCode(),
                "one private address among the host's is enough");
    }

    @Test
    void aHostThatResolvesToAPrivateAddressAtSendTimeIsRefusedWithoutAConnection() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket receiver = new ServerSocket(0)) {
            Thread accepting = new Thread(() -> {
                while (!receiver.isClosed()) {
                    try (Socket ignored = receiver.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            String host = "rebinding-" + UUID.randomUUID().toString().substring(0, 8) + ".partner.example";
            String url = "http://" + host + ":" + receiver.getLocalPort() + "/hook";
            String organization = UUID.randomUUID().toString();
            String agency = TestTokens.shared().token(UUID.randomUUID().toString(), organization, "AGENCY");
            dns.put(host, List.of(address("93.184.215.14")));
            assertEquals(201, register(agency, url).getStatus().getCode(), "public when registered");

            String field = "F_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
            String user = UUID.randomUUID().toString();
            Events.deliver(new UserRegistered(user, organization, "用户", "", List.of("TEAM"), List.of(), "zh", Instant.now()));
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    Sql.count(db, "SELECT COUNT(*) FROM recipient WHERE user_id = '" + user + "'") == 1);
            http.toBlocking().exchange(HttpRequest.PUT("/api/subscriptions", Map.of("fields", List.of(field),
                    "regions", List.of())).bearerAuth(TestTokens.shared().token(user, organization, "TEAM")));
            dns.put(host, List.of(ownAddress()));
            Events.deliver(Published.challenge(UUID.randomUUID().toString(), "挑战", field, new BigDecimal("5000000.00"),
                    Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS)));
            String delivery = "organization_id = '" + organization + "' AND channel = 'WEBHOOK'";
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    Sql.count(db, "SELECT COUNT(*) FROM delivery WHERE " + delivery) == 1);

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dispatcher.dispatchDue();
                return Sql.count(db, "SELECT COUNT(*) FROM delivery WHERE " + delivery + " AND status = 'FAILED'") == 1;
            });
            String error = Sql.query(db, "SELECT last_error FROM delivery WHERE " + delivery);
            assertTrue(error.contains(ownAddress().getHostAddress()) && error.contains("webhook must point at a public address"),
                    error);
            assertEquals(0, connections.get(), "nothing connected to the receiver");
        }
    }
}
