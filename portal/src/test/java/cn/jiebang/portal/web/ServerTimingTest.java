package cn.jiebang.portal.web;

import cn.jiebang.portal.support.PortalClient;
import cn.jiebang.portal.support.PortalTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class ServerTimingTest extends PortalTest {

    private static final String TIMING = "app;dur=\\d+\\.\\d";

    @Test
    void aPageSaysHowLongTheServerTookAndIsStillWholeHtml() {
        fake.on("GET", "/api/challenges", """
                {"items":[],"page":0,"size":20,"totalItems":0}""");

        PortalClient.Page page = browser().get("/challenges");

        assertEquals(200, page.status());
        assertTrue(page.header("Server-Timing").matches(TIMING), page.header("Server-Timing"));
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        assertEquals("榜单大厅", page.document().select("h1").text());
        assertTrue(page.body().strip().endsWith("</html>"));
    }

    @Test
    void aPageRefusedBeforeAnyControllerIsTimedToo() {
        PortalClient browser = browser();

        PortalClient.Page page = browser.send(HttpRequest.newBuilder(URI.create(browser.base() + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.c&password=x")));

        assertEquals(403, page.status());
        assertTrue(page.header("Server-Timing").matches(TIMING), page.header("Server-Timing"));
    }

    @Test
    void gatewayStaticFilesAndHealthAreNotTimed() {
        fake.on("GET", "/api/challenges", """
                {"items":[],"page":0,"size":20,"totalItems":0}""");
        PortalClient browser = browser();

        for (String path : new String[] {"/api/challenges", "/static/portal.css", "/webjars/htmx.org/2.0.4/dist/htmx.min.js",
                "/health"}) {
            PortalClient.Page page = browser.get(path);
            assertEquals(200, page.status(), path);
            assertNull(page.header("Server-Timing"), path);
        }
    }
}
