package cn.jiebang.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Files of the repository the build runs in (the directory with mvnw, above the module's), read as text. */
final class Repository {

    private Repository() {
    }

    static List<String> lines(String file) {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
            if (root == null) {
                throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
            }
        }
        try {
            return Files.readAllLines(root.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
