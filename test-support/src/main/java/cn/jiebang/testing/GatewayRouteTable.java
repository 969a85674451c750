package cn.jiebang.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The portal gateway's route table, read from the repository (not the portal's classpath, so no service
 * depends on the portal): each service checks that the table forwards every one of its /api routes and
 * no route it does not have.
 */
public final class GatewayRouteTable {

    static final String FILE = "portal/src/main/resources/gateway/routes.txt";

    private static final Pattern QUERY_VARIABLES = Pattern.compile("\\{[?&][^}]*}");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

    private GatewayRouteTable() {
    }

    /**
     * Fails, naming each difference, unless the table's lines for {@code service} (by their path on the
     * service) are exactly the /api routes among {@code routes} ("GET /api/challenges/{id}", as
     * {@code cn.jiebang.web.Routes.of(router)} lists them). Variable names and query variables don't count.
     */
    public static void assertListsExactly(String service, Collection<String> routes) {
        SortedMap<String, String> served = new TreeMap<>();
        routes.stream().filter(GatewayRouteTable::isApi).forEach(route -> served.put(shape(route), route));
        SortedMap<String, String> listed = lines(service);

        List<String> differences = new ArrayList<>();
        served.forEach((shape, route) -> {
            if (!listed.containsKey(shape)) {
                differences.add(service + " serves " + route + ", but " + FILE + " has no line for it");
            }
        });
        listed.forEach((shape, line) -> {
            if (!served.containsKey(shape)) {
                differences.add(FILE + " has \"" + line + "\", but " + service + " serves no such route");
            }
        });
        if (!differences.isEmpty()) {
            throw new AssertionError(String.join("\n", differences));
        }
    }

    /** The table's lines for {@code service}, by the shape of the route they call on it. */
    private static SortedMap<String, String> lines(String service) {
        SortedMap<String, String> lines = new TreeMap<>();
        for (String line : read()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length < 3 || parts.length > 4) {
                throw new IllegalStateException("bad line in " + FILE + ": " + line);
            }
            if (parts[2].equals(service)) {
                lines.put(shape(parts[0] + " " + (parts.length == 4 ? parts[3] : parts[1])), String.join(" ", parts));
            }
        }
        return lines;
    }

    private static List<String> read() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
            if (root == null) {
                throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
            }
        }
        try {
            return Files.readAllLines(root.resolve(FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isApi(String route) {
        String path = route.substring(route.indexOf(' ') + 1);
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** "GET /api/challenges/{id}{?page,size}" and "GET /api/challenges/{challengeId}" are both "GET /api/challenges/{}". */
    static String shape(String route) {
        return VARIABLE.matcher(QUERY_VARIABLES.matcher(route).replaceAll("")).replaceAll("{}");
    }
}
