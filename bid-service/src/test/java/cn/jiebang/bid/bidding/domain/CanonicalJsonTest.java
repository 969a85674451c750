package cn.jiebang.bid.bidding.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CanonicalJsonTest {

    @Test
    void sortsKeysDropsWhitespaceAndWritesNumbersByValue() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("b", List.of(new BigDecimal("1.50"), new BigDecimal("0.00"), 7, true));
        doc.put("a", Map.of("z", "光刻胶 𠀀", "y", new BigDecimal("1E+3")));
        doc.put("c", null);
        assertEquals("{\"a\":{\"y\":1000,\"z\":\"光刻胶 𠀀\"},\"b\":[1.5,0,7,true],\"c\":null}", CanonicalJson.write(doc));
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        assertEquals("\"quote \\\" backslash \\\\ tab \\t nl \\n bell \\u0007 slash / 😀\"",
                CanonicalJson.write("quote \" backslash \\ tab \t nl \n bell \u0007 slash / 😀"));
    }

    @Test
    void theHashDependsOnContentNotOnFieldOrderOrTrailingZeros() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("budget", new BigDecimal("1000000.00"));
        one.put("name", "王建国");
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("name", "王建国");
        other.put("budget", new BigDecimal("1000000"));
        assertEquals(CanonicalJson.sha256(one), CanonicalJson.sha256(other));
        other.put("budget", new BigDecimal("1000000.01"));
        assertNotEquals(CanonicalJson.sha256(one), CanonicalJson.sha256(other));
        assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                CanonicalJson.sha256Hex("test".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
