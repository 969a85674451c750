package cn.jiebang.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Requests exactly as a test writes them, byte for byte and header for header (no Content-Type unless
 * given), for what a friendly client would never send: broken JSON, a missing media type, an empty header.
 */
public final class RawHttp {

    /** What a response must never show a client: Java's and the framework's names for things. */
    private static final List<Pattern> INTERNALS = List.of(Pattern.compile("java\\."), Pattern.compile("cn\\.jiebang"),
            Pattern.compile("io\\.micronaut"), Pattern.compile("com\\.fasterxml"), Pattern.compile("class \\["),
            Pattern.compile("Exception"), Pattern.compile("\\b[a-z]+\\.[a-z]+\\.[A-Z][A-Za-z]+"),
            Pattern.compile("\\b(String|Integer|Long|Boolean|BigDecimal|LocalDate|Instant|List|Map|Set|Optional)\\b"),
            Pattern.compile("Required (Body|argument|Header|QueryValue)"), Pattern.compile("Failed to convert"),
            Pattern.compile("Error decoding"), Pattern.compile("\\[Source:"), Pattern.compile("\\b[A-Z][a-z]+[A-Z]\\w*(Request|View|Definition|Plan|Content|Sheet)\\b"));
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private final String base;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** {@code base}: the server's URL, e.g. {@code EmbeddedServer.getURL()}. */
    public RawHttp(String base, JsonMapper json) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.json = json;
    }

    /** A response: its status, its Content-Type without parameters (or null) and its body as text. */
    public record Result(String request, int status, String contentType, String body) {
        @Override
        public String toString() {
            return request + " -> " + status + " " + contentType + " " + body;
        }
    }

    public Result get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    /** Any request; {@code token}, {@code contentType} and {@code body} may each be null (then not sent). */
    public Result send(String method, String path, String token, String contentType, String body) {
        return send(method, path, token, contentType, body, Map.of());
    }

    /** {@link #send(String, String, String, String, String)} with more headers, sent as given (even empty). */
    public Result send(String method, String path, String token, String contentType, String body,
                       Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
            String type = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].strip()).orElse(null);
            return new Result(method + " " + path + (body == null ? "" : " " + abbreviated(body)), response.statusCode(),
                    type, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts an RFC 9457 problem with this status and type code; answers its members. */
    public Map<String, Object> problem(Result result, int status, String code) {
        check(result.status() == status, "status " + status, result);
        check("application/problem+json".equals(result.contentType()), "application/problem+json", result);
        Map<String, Object> problem = parse(result);
        check(("https://jiebang.cn/problems/" + code).equals(problem.get("type")), "type " + code, result);
        assertNoInternals(result);
        return problem;
    }

    public Map<String, Object> parse(Result result) {
        try {
            return json.readValue(result.body(), JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(result.toString(), e);
        }
    }

    /** No class, package or framework name anywhere in the body. */
    public static void assertNoInternals(Result result) {
        for (Pattern internal : INTERNALS) {
            check(!internal.matcher(result.body()).find(), "nothing matching " + internal, result);
        }
    }

    private static void check(boolean holds, String expected, Result result) {
        if (!holds) {
            throw new AssertionError("expected " + expected + ": " + result);
        }
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
