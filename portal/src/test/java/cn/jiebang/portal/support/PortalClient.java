package cn.jiebang.portal.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser as far as the portal can tell, for controller and view tests: keeps the session cookie,
 * sends the page's CSRF token the way htmx does, follows no redirects (tests assert them), and parses
 * pages with jsoup.
 */
public final class PortalClient {

    private final String base;
    private final HttpClient http;
    private String csrf;
    private String language = "zh-CN";

    public PortalClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public PortalClient language(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

    public record Page(int status, Map<String, List<String>> headers, String body) {
        public Document document() {
            return Jsoup.parse(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** Where a form sent the browser: HX-Redirect for htmx, else Location. */
        public String redirect() {
            String hx = header("HX-Redirect");
            return hx != null ? hx : header("Location");
        }
    }

    public Page get(String path) {
        Page page = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        rememberCsrf(page);
        return page;
    }

    /** A form post as htmx sends it: urlencoded, with HX-Request and the page's CSRF token. */
    public Page post(String path, Map<String, String> form) {
        return postForm(path, form.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
    }

    /** The same, for forms with repeated names (checkboxes, table rows). */
    public Page postForm(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        Page page = send(request);
        rememberCsrf(page);
        return page;
    }

    /** A raw request, e.g. multipart or without the CSRF token. */
    public Page send(HttpRequest.Builder request) {
        request.header("Accept-Language", language);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String csrf() {
        return csrf;
    }

    public String base() {
        return base;
    }

    /** Signs in through the sign-in form against the fake token endpoint {@link FakeServices} answers. */
    public PortalClient signIn(FakeServices fake, String role) {
        Fixtures.signedIn(fake, role);
        get("/signin");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", role.toLowerCase() + "@jiebang.local");
        form.put("password", "secret-password");
        form.put("next", "/challenges");
        Page page = post("/signin", form);
        if (page.redirect() == null) {
            throw new IllegalStateException("sign-in failed: " + page.status() + " " + page.body());
        }
        get("/challenges");
        return this;
    }

    private void rememberCsrf(Page page) {
        String body = page.body();
        int at = body.indexOf("X-CSRF-Token&quot;: &quot;");
        if (at >= 0) {
            int start = at + "X-CSRF-Token&quot;: &quot;".length();
            csrf = body.substring(start, body.indexOf("&quot;", start));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
