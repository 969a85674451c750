package cn.jiebang.portal.gateway;

import cn.jiebang.portal.support.FakeServices;
import cn.jiebang.portal.support.PortalTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class ApiGatewayTest extends PortalTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyRouteOfTheTableIsForwardedWithItsMethodPathQueryAndToken() throws Exception {
        for (RouteTable.Route route : RouteTable.load().routes()) {
            fake.reset();
            String path = route.path().replaceAll("\\{[^}]+}", "x1");
            String upstream = route.upstreamPath().replaceAll("\\{[^}]+}", "x1");
            fake.on(route.method().name(), upstream, "{\"ok\":true}");

            HttpResponse<String> response = send(route.method().name(), path + "?page=2", "Bearer abc");

            assertEquals(200, response.statusCode(), route.toString());
            assertEquals("{\"ok\":true}", response.body());
            FakeServices.Received received = fake.received().get(0);
            assertEquals(upstream, received.path(), route.toString());
            assertEquals("page=2", received.query());
            assertEquals("Bearer abc", received.header("Authorization"));
            assertNull(received.header("Cookie"), "the portal's session cookie stays at the portal");
        }
    }

    @Test
    void aBodyAndItsProblemAnswerPassThroughUnchanged() throws Exception {
        fake.on("POST", "/api/challenges/c1/bids", 422, """
                {"type":"https://jiebang.cn/problems/invalid-bid","title":"Unprocessable Entity","status":422}""");

        HttpResponse<String> response = send("POST", "/api/challenges/c1/bids", "Bearer abc");

        assertEquals(422, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("invalid-bid"));
        assertEquals("{\"a\":\"甲\"}", fake.received().get(0).text());
    }

    @Test
    void aPathInNoRouteIsA404ProblemAndReachesNoService() throws Exception {
        HttpResponse<String> response = send("GET", "/api/nonexistent", "Bearer abc");

        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("\"status\":404"));
        assertTrue(fake.received().isEmpty());
    }

    @Test
    void aKnownPathWithAnotherMethodIsA405Problem() throws Exception {
        HttpResponse<String> response = send("DELETE", "/api/challenges", null);

        assertEquals(405, response.statusCode());
        assertTrue(fake.received().isEmpty());
    }

    @Test
    void eachServicesAuditTrailHasItsOwnPath() throws Exception {
        fake.on("GET", "/api/audit", "{\"items\":[]}");

        send("GET", "/api/audit/bid-service", "Bearer abc");

        assertEquals("/api/audit", fake.received().get(0).path());
    }

    private HttpResponse<String> send(String method, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Cookie", "JIEBANG_SESSION=secret")
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"a\":\"甲\"}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
