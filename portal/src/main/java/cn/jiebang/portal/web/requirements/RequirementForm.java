package cn.jiebang.portal.web.requirements;

import cn.jiebang.portal.web.requirements.RequirementApi.Indicator;
import cn.jiebang.portal.web.requirements.RequirementApi.Request;
import cn.jiebang.portal.web.requirements.RequirementApi.Requirement;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requirement form as the person typed it: every value stays a string, so a refused form comes back
 * exactly as it was sent. Indicator rows left wholly blank are not sent.
 */
record RequirementForm(String title, String description, String kind, String technologyField, String region,
                       List<Row> indicators, String budgetCeiling, String wantedBy, boolean coFunded) {

    /** The API's limit; the form offers a blank row below the filled ones, and three at least. */
    static final int MAX_INDICATORS = 30;
    private static final int MIN_ROWS = 3;

    record Row(String name, String targetValue, String unit, String direction, String testMethod) {
        static final Row BLANK = new Row("", "", "", "AT_LEAST", "");

        boolean blank() {
            return name.isBlank() && targetValue.isBlank() && unit.isBlank() && testMethod.isBlank();
        }
    }

    /** The request to send, or the fields the form itself could not read (numbers, dates). */
    record Converted(Request request, Map<String, String> errorKeys) {
    }

    static RequirementForm empty() {
        return new RequirementForm("", "", "", "", "", padded(List.of()), "", "", false);
    }

    static RequirementForm of(Requirement r) {
        List<Row> rows = r.indicators().stream().map(i -> new Row(text(i.name()), plain(i.targetValue()),
                text(i.unit()), i.direction() == null ? "AT_LEAST" : i.direction(), text(i.testMethod()))).toList();
        return new RequirementForm(r.title(), r.description(), r.kind(), r.technologyField(), r.region(), padded(rows),
                plain(r.budgetCeiling()), r.wantedBy() == null ? "" : r.wantedBy().toString(), r.coFunded());
    }

    static RequirementForm read(Map<String, Object> body) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MAX_INDICATORS; i++) {
            String prefix = "indicators[" + i + "].";
            if (!body.containsKey(prefix + "name") && !body.containsKey(prefix + "targetValue")) {
                break;
            }
            rows.add(new Row(value(body, prefix + "name"), value(body, prefix + "targetValue"),
                    value(body, prefix + "unit"), value(body, prefix + "direction"), value(body, prefix + "testMethod")));
        }
        return new RequirementForm(value(body, "title"), value(body, "description"), value(body, "kind"),
                value(body, "technologyField"), value(body, "region"), rows, value(body, "budgetCeiling"),
                value(body, "wantedBy"), "true".equals(value(body, "coFunded")));
    }

    Converted toRequest() {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Indicator> sent = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            Row row = indicators.get(i);
            if (!row.blank()) {
                sent.add(new Indicator(row.name().strip(), number(row.targetValue(),
                        "indicators[" + i + "].targetValue", errors), row.unit().strip(), orNull(row.direction()),
                        row.testMethod().strip()));
            }
        }
        LocalDate date = null;
        if (!wantedBy.isBlank()) {
            try {
                date = LocalDate.parse(wantedBy.strip());
            } catch (DateTimeParseException e) {
                errors.put("wantedBy", "requirements.error.date");
            }
        }
        return new Converted(new Request(orNull(title), orNull(description), orNull(kind), orNull(technologyField),
                orNull(region), sent, number(budgetCeiling, "budgetCeiling", errors), date, coFunded), errors);
    }

    /**
     * Where a field path of the request is on this form. Sent indicators skip blank rows, so the API's
     * index is mapped back to the row the person filled in.
     */
    @Nullable
    String placement(String path) {
        if (path.startsWith("indicators[")) {
            int close = path.indexOf(']');
            int sentIndex;
            try {
                sentIndex = Integer.parseInt(path.substring("indicators[".length(), close));
            } catch (RuntimeException e) {
                return "indicators";
            }
            String field = close + 2 <= path.length() ? path.substring(close + 2) : "";
            int row = -1;
            for (int i = 0, seen = -1; i < indicators.size(); i++) {
                if (!indicators.get(i).blank() && ++seen == sentIndex) {
                    row = i;
                    break;
                }
            }
            return row >= 0 && List.of("name", "targetValue", "unit", "direction", "testMethod").contains(field)
                    ? "indicators[" + row + "]." + field : "indicators";
        }
        return List.of("title", "description", "kind", "technologyField", "region", "indicators", "budgetCeiling",
                "wantedBy", "coFunded").contains(path) ? path : null;
    }

    private static List<Row> padded(List<Row> rows) {
        List<Row> all = new ArrayList<>(rows.stream().filter(r -> !r.blank()).toList());
        while (all.size() < MAX_INDICATORS && (all.size() < MIN_ROWS || !all.get(all.size() - 1).blank())) {
            all.add(Row.BLANK);
        }
        return all;
    }

    @Nullable
    private static BigDecimal number(String text, String field, Map<String, String> errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.put(field, "requirements.error.number");
            return null;
        }
    }

    @Nullable
    private static String orNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    private static String value(Map<String, Object> body, String name) {
        Object v = body.get(name);
        if (v instanceof List<?> many) {
            v = many.isEmpty() ? null : many.get(0);
        }
        return v == null ? "" : String.valueOf(v);
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String plain(@Nullable BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }
}
