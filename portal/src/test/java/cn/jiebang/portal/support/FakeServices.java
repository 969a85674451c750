package cn.jiebang.portal.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Stands in for all three services in the portal's controller and view tests: answers canned JSON per
 * method and path (a path may end in {@code *} or hold {@code {x}} segments) and records every request,
 * so a test asserts both what the page shows and what the portal sent.
 */
public final class FakeServices implements AutoCloseable {

    public record Answer(int status, String contentType, byte[] body) {
    }

    public record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public FakeServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} with {@code status} and a JSON body (problem+json for 4xx and 5xx). */
    public FakeServices on(String method, String path, int status, String json) {
        String type = status >= 400 ? "application/problem+json" : "application/json";
        answers.put(method + " " + path, new Answer(status, type, json.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public FakeServices on(String method, String path, String json) {
        return on(method, path, 200, json);
    }

    public FakeServices onRaw(String method, String path, Answer answer) {
        answers.put(method + " " + path, answer);
        return this;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The requests with this method whose path starts with {@code pathPrefix}. */
    public List<Received> received(String method, String pathPrefix) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    public void reset() {
        answers.clear();
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(method, path, exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = find(method + " " + path);
        if (answer == null) {
            answer = new Answer(404, "application/problem+json", ("{\"type\":\"https://jiebang.cn/problems/not-found\","
                    + "\"title\":\"Not Found\",\"status\":404,\"detail\":\"fake: nothing for " + method + " " + path + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    private Answer find(String key) {
        Answer exact = answers.get(key);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Answer> e : answers.entrySet()) {
            String pattern = e.getKey();
            String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (key.matches(regex)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
