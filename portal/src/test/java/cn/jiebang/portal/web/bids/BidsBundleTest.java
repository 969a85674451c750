package cn.jiebang.portal.web.bids;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BidsBundleTest {

    @Test
    void theChineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Properties zh = load("i18n/bids_zh.properties");
        Properties en = load("i18n/bids_en.properties");

        assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
    }

    @Test
    void noEnglishTextUsesAStraightApostropheWhichMessageArgumentsWouldSwallow() throws IOException {
        load("i18n/bids_en.properties").forEach((key, text) ->
                assertTrue(!text.toString().contains("'"), key + " has a straight apostrophe"));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BidsBundleTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
