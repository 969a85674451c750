package cn.jiebang.portal.web.board;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public pages speak both languages in full: same keys in zh and en, and every key a template names exists. */
class PublicMessagesTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{(public\\.[A-Za-z0-9.\\-]+)");

    private static Properties bundle(String name) {
        Properties properties = new Properties();
        try (InputStream in = PublicMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() {
        Set<String> zh = new TreeSet<>(bundle("public_zh").stringPropertyNames());
        Set<String> en = new TreeSet<>(bundle("public_en").stringPropertyNames());

        assertEquals(zh, en);
    }

    @Test
    void noMessageHasAnAsciiApostropheMessageFormatWouldEat() {
        for (String name : new String[]{"public_zh", "public_en"}) {
            Properties bundle = bundle(name);
            for (String key : bundle.stringPropertyNames()) {
                assertTrue(bundle.getProperty(key).indexOf('\'') < 0, name + " " + key);
            }
        }
    }

    @Test
    void everyKeyTheTemplatesNameIsInTheBundle() throws IOException {
        Set<String> keys = bundle("public_zh").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/views/public"))) {
            for (Path template : templates.toList()) {
                Matcher key = TEMPLATE_KEY.matcher(Files.readString(template));
                while (key.find()) {
                    if (!keys.contains(key.group(1))) {
                        missing.add(template.getFileName() + ": " + key.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), missing.toString());
    }
}
