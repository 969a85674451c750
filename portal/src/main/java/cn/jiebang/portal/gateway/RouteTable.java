package cn.jiebang.portal.gateway;

import io.micronaut.http.HttpMethod;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's explicit route table ({@code gateway/routes.txt}): which service owns each API route.
 * A request that matches no line is not forwarded anywhere.
 */
public final class RouteTable {

    public static final String RESOURCE = "gateway/routes.txt";

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        // literal segments before variables, so /api/users/me wins over /api/users/{id}
        this.routes = routes.stream().sorted(Comparator.comparingInt(Route::variables)).toList();
    }

    public static RouteTable load() {
        try (InputStream in = RouteTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RouteTable parse(List<String> lines) {
        List<Route> routes = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length < 3 || parts.length > 4) {
                throw new IllegalStateException("bad route line: " + line);
            }
            routes.add(new Route(HttpMethod.parse(parts[0]), parts[1], parts[2], parts.length == 4 ? parts[3] : parts[1]));
        }
        return new RouteTable(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    /** The route for a request, with the path to call on its service. */
    public Optional<Target> match(HttpMethod method, String path) {
        for (Route route : routes) {
            if (route.method() == method) {
                Matcher m = route.regex().matcher(path);
                if (m.matches()) {
                    return Optional.of(new Target(route.service(), route.upstreamPath().contains("{")
                            ? path : route.upstreamPath()));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether some method has a route with this path (for 405 rather than 404). */
    public boolean knowsPath(String path) {
        return routes.stream().anyMatch(r -> r.regex().matcher(path).matches());
    }

    public record Target(String service, String path) {
    }

    public record Route(HttpMethod method, String path, String service, String upstreamPath) {

        private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

        Pattern regex() {
            StringBuilder regex = new StringBuilder("^");
            Matcher m = VARIABLE.matcher(path);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(path.substring(last, m.start()))).append("[^/]+");
                last = m.end();
            }
            return Pattern.compile(regex.append(Pattern.quote(path.substring(last))).append("$").toString());
        }

        int variables() {
            return (int) VARIABLE.matcher(path).results().count();
        }
    }
}
