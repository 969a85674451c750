package cn.jiebang.testing;

import cn.jiebang.devstack.TestTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An authorization matrix: for every route of a service, the status each kind of caller must get.
 * Callers are anonymous, ADMIN, and for AGENCY, TEAM and JUDGE a user of the object's organization and
 * one of another organization. {@link #actual()} calls every route as every caller.
 * <p>
 * A 404 in a row is an object-level refusal (or a missing object), and it must not tell the caller that the
 * object exists: {@link #revealingRefusals()} compares, for every such cell, the answer for the route's
 * object with the answer for an id that does not exist, each with its id replaced by {@value #ID}, and lists
 * those that differ. The route's object is its last path variable named
 * {@code id} or ending in {@code Id} ({@code {grantId}} in {@code /api/challenges/{id}/funding/{grantId}/releases}).
 */
public final class AccessMatrix {

    public static final String ANONYMOUS = "anonymous";
    public static final String ADMIN = "ADMIN";
    public static final List<String> ROLES = List.of("AGENCY", "TEAM", "JUDGE");
    public static final List<String> CALLERS = List.of(ANONYMOUS, ADMIN,
            "AGENCY", "AGENCY of another organization", "TEAM", "TEAM of another organization",
            "JUDGE", "JUDGE of another organization");
    /** What the id of the route's object becomes in {@link #revealingRefusals()}. */
    public static final String ID = "{id}";

    private final HttpClient http;
    private final Map<String, String> tokens;
    private final Map<String, Function<String, Integer>> calls = new LinkedHashMap<>();
    private final Map<String, Supplier<MutableHttpRequest<?>>> requests = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();

    /** {@code tokens}: a bearer token for every caller of {@link #CALLERS} but anonymous. */
    public AccessMatrix(HttpClient http, Map<String, String> tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    /**
     * One route: {@code request} builds a fresh request for each caller (so a state-changing call finds
     * its object untouched by the callers before it); {@code expected} is the row for that route.
     */
    public AccessMatrix route(String route, Supplier<MutableHttpRequest<?>> request, Map<String, Integer> expected) {
        calls.put(route, token -> status(request.get(), token));
        requests.put(route, request);
        this.expected.put(route, expected);
        return this;
    }

    public SortedSet<String> routes() {
        return new TreeSet<>(calls.keySet());
    }

    public Map<String, Map<String, Integer>> expected() {
        return expected;
    }

    public Map<String, Map<String, Integer>> actual() {
        Map<String, Map<String, Integer>> actual = new LinkedHashMap<>();
        calls.forEach((route, call) -> {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (String caller : CALLERS) {
                row.put(caller, call.apply(ANONYMOUS.equals(caller) ? null : tokens.get(caller)));
            }
            actual.put(route, row);
        });
        return actual;
    }

    /**
     * Every cell whose row says 404 and whose answer tells the route's object from an unknown one: the
     * route and caller, mapped to both answers (status and body), each with its id replaced by {@value #ID}.
     * Empty when no refusal reveals anything.
     */
    public Map<String, String> revealingRefusals() {
        Map<String, String> revealing = new LinkedHashMap<>();
        requests.forEach((route, request) -> {
            for (String caller : CALLERS) {
                if (expected.get(route).get(caller) == 404) {
                    String token = ANONYMOUS.equals(caller) ? null : tokens.get(caller);
                    String refused = notFound(route, request.get(), false, token);
                    String absent = notFound(route, request.get(), true, token);
                    if (!refused.equals(absent)) {
                        revealing.put(route + " as " + caller, "\n  object:     " + refused + "\n  unknown id: " + absent);
                    }
                }
            }
        });
        return revealing;
    }

    /** The answer to {@code call}, or with {@code absent} to the same call with a random id for its object. */
    private String notFound(String route, MutableHttpRequest<?> call, boolean absent, String token) {
        int segment = objectSegment(route);
        String[] path = call.getUri().getRawPath().split("/", -1);
        String id = absent ? UUID.randomUUID().toString() : path[segment];
        if (absent) {
            path[segment] = id;
            String query = call.getUri().getRawQuery();
            call.uri(URI.create(String.join("/", path) + (query == null ? "" : "?" + query)));
        }
        return body(call, token).replace(id, ID);
    }

    /** The index of the path segment that holds the route's object id, e.g. 3 in {@code GET /api/bids/{id}/versions}. */
    private static int objectSegment(String route) {
        String[] path = route.substring(route.indexOf(' ') + 1).split("/", -1);
        for (int i = path.length - 1; i >= 0; i--) {
            if (path[i].equals("{id}") || path[i].matches("\\{[a-z][A-Za-z]*Id}")) {
                return i;
            }
        }
        throw new IllegalStateException(route + " answers 404 but names no object id ({id}, {...Id}) in its path");
    }

    /** Everyone, signed in or not, gets {@code status}. */
    public static Map<String, Integer> everyone(int status) {
        Map<String, Integer> row = new LinkedHashMap<>();
        CALLERS.forEach(caller -> row.put(caller, status));
        return row;
    }

    /** Every signed-in caller gets {@code status}; anonymous 401. */
    public static Map<String, Integer> signedIn(int status) {
        Map<String, Integer> row = everyone(status);
        row.put(ANONYMOUS, 401);
        return row;
    }

    /** Only ADMIN gets {@code status}; other roles 403, anonymous 401. */
    public static Map<String, Integer> adminOnly(int status) {
        Map<String, Integer> row = signedIn(403);
        row.put(ADMIN, status);
        return row;
    }

    /** ADMIN and the object's own organization get {@code status}; other organizations 404 (as if absent). */
    public static Map<String, Integer> adminAndOwnOrganization(int status) {
        Map<String, Integer> row = signedIn(status);
        ROLES.forEach(role -> row.put(role + " of another organization", 404));
        return row;
    }

    /** A copy of {@code row} with some callers' statuses changed. */
    public static Map<String, Integer> with(Map<String, Integer> row, String caller, int status) {
        Map<String, Integer> copy = new LinkedHashMap<>(row);
        copy.put(caller, status);
        return copy;
    }

    /** Tokens from the test issuer for every caller: ADMIN of the program office, the others of {@code own} or {@code other}. */
    public static Map<String, String> tokens(TestTokens issuer, String own, String other) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(ADMIN, issuer.token("admin-" + own, "program-office", ADMIN));
        for (String role : ROLES) {
            tokens.put(role, issuer.token(role.toLowerCase() + "-" + own, own, role));
            tokens.put(role + " of another organization", issuer.token(role.toLowerCase() + "-" + other, other, role));
        }
        return tokens;
    }

    /** The status of one request with {@code token} (null: anonymous). */
    public <T> int status(MutableHttpRequest<T> request, String token) {
        MutableHttpRequest<T> authorized = token == null ? request : request.bearerAuth(token);
        try {
            return http.toBlocking().exchange(authorized).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    /** The status and body of one request with {@code token} (null: anonymous), e.g. {@code 404 {"type":...}}. */
    public <T> String body(MutableHttpRequest<T> request, String token) {
        MutableHttpRequest<T> authorized = token == null ? request : request.bearerAuth(token);
        try {
            var response = http.toBlocking().exchange(authorized, Argument.STRING, Argument.STRING);
            return response.code() + " " + response.getBody().orElse("");
        } catch (HttpClientResponseException e) {
            return e.code() + " " + e.getResponse().getBody(String.class).orElse("");
        }
    }
}
