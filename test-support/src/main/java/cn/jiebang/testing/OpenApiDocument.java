package cn.jiebang.testing;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The OpenAPI document micronaut-openapi generated into this service's classes at compile time
 * ({@code META-INF/swagger/*.yml}), as the service serves it at {@code /swagger/…}.
 */
public final class OpenApiDocument {

    static final String DIRECTORY = "META-INF/swagger";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "options", "trace");

    private OpenApiDocument() {
    }

    /**
     * Fails, naming each difference, unless the document describes exactly {@code routes}, every route the
     * service serves (as {@code cn.jiebang.web.Routes.of(router)} lists them).
     */
    public static void assertDescribesExactly(String service, Collection<String> routes) {
        Path file = generated();
        RouteLists.assertSame(service, RouteLists.byShape(routes), file.getFileName().toString(), operations(file));
    }

    /** "GET /api/challenges/{id}" for each operation of the document, by shape. */
    @SuppressWarnings("unchecked")
    static SortedMap<String, String> operations(Path file) {
        Map<String, Object> document;
        try (InputStream in = Files.newInputStream(file)) {
            document = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SortedMap<String, String> operations = new TreeMap<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.getOrDefault("paths", Map.of());
        paths.forEach((path, item) -> item.keySet().stream().filter(METHODS::contains).forEach(method -> {
            String route = method.toUpperCase() + " " + path;
            operations.put(RouteLists.shape(route), route);
        }));
        return operations;
    }

    private static Path generated() {
        URL directory = OpenApiDocument.class.getClassLoader().getResource(DIRECTORY);
        if (directory == null || !directory.getProtocol().equals("file")) {
            throw new IllegalStateException("no generated OpenAPI document in " + DIRECTORY + " on the class path: "
                    + directory);
        }
        try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
            List<Path> documents = files.filter(path -> path.toString().endsWith(".yml")).toList();
            if (documents.size() != 1) {
                throw new IllegalStateException("expected one OpenAPI document in " + directory + ", found " + documents);
            }
            return documents.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
