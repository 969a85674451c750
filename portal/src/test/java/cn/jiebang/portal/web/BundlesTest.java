package cn.jiebang.portal.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * All bundles are merged into one message source, so a key may live in one bundle only (otherwise
 * which text wins depends on bean order), and every bundle says everything in both languages.
 */
class BundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        for (String language : List.of("zh", "en")) {
            Map<String, String> owner = new HashMap<>();
            List<String> clashes = new ArrayList<>();
            for (Path file : files("_" + language + ".properties")) {
                for (String key : load(file).stringPropertyNames()) {
                    String first = owner.putIfAbsent(key, file.getFileName().toString());
                    if (first != null) {
                        clashes.add(key + " in " + first + " and " + file.getFileName());
                    }
                }
            }
            assertTrue(clashes.isEmpty(), String.join("\n", clashes));
        }
    }

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        for (Path zh : files("_zh.properties")) {
            Path en = zh.resolveSibling(zh.getFileName().toString().replace("_zh.", "_en."));
            assertEquals(new TreeSet<>(load(zh).stringPropertyNames()), new TreeSet<>(load(en).stringPropertyNames()),
                    zh.getFileName() + " and " + en.getFileName());
        }
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> list = Files.list(BUNDLES)) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
