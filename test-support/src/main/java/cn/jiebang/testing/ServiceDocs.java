package cn.jiebang.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A service's docs held to its code: its OpenAPI document and its canvas (see docs/adr/0022). */
public final class ServiceDocs {

    private ServiceDocs() {
    }

    /**
     * Fails, naming every difference, unless the service's OpenAPI document and its canvas's HTTP API table
     * list exactly {@code routes} (as {@code cn.jiebang.web.Routes.of(router)} gives them), its canvas
     * publishes exactly the catalog's events on {@code topics} and consumes exactly {@code handledTypes}.
     */
    public static void assertDescribe(String service, Collection<String> routes, Collection<String> handledTypes,
                                      String... topics) {
        Canvas canvas = Canvas.of(service);
        List<String> failures = new ArrayList<>();
        for (Runnable check : List.<Runnable>of(
                () -> OpenApiDocument.assertDescribesExactly(service, routes),
                () -> canvas.assertListsExactly(service, routes),
                () -> canvas.assertPublishesEveryEventOn(topics),
                () -> canvas.assertConsumesExactly(handledTypes))) {
            try {
                check.run();
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }
}
