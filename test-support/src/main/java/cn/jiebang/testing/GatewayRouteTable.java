package cn.jiebang.testing;

import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The portal gateway's route table, read from the repository (not the portal's classpath, so no service
 * depends on the portal): each service checks that the table forwards every one of its /api routes and
 * no route it does not have.
 */
public final class GatewayRouteTable {

    static final String FILE = "portal/src/main/resources/gateway/routes.txt";

    private GatewayRouteTable() {
    }

    /**
     * Fails, naming each difference, unless the table's lines for {@code service} (by their path on the
     * service) are exactly the /api routes among {@code routes} ("GET /api/challenges/{id}", as
     * {@code cn.jiebang.web.Routes.of(router)} lists them). Variable names and query variables don't count.
     */
    public static void assertListsExactly(String service, Collection<String> routes) {
        RouteLists.assertSame(service, RouteLists.byShape(routes.stream().filter(GatewayRouteTable::isApi).toList()),
                FILE, lines(service));
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
                String route = parts[0] + " " + (parts.length == 4 ? parts[3] : parts[1]);
                lines.put(RouteLists.shape(route), String.join(" ", parts));
            }
        }
        return lines;
    }

    private static List<String> read() {
        return Repository.lines(FILE);
    }

    private static boolean isApi(String route) {
        String path = route.substring(route.indexOf(' ') + 1);
        return path.equals("/api") || path.startsWith("/api/");
    }
}
