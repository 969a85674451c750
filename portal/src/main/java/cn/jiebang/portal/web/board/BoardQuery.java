package cn.jiebang.portal.web.board;

import cn.jiebang.portal.web.Formats;
import io.micronaut.core.convert.value.ConvertibleMultiValues;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The board's filters as a person gave them in the query string, checked: what to ask challenge-service
 * for, what to show back in the form, and what is wrong with which field. Budgets are entered in 万元 and
 * sent in CNY; dates are whole days in Beijing time, both ends included, sent as instants. Pages count
 * from 1 in the portal's links and from 0 in the service's API.
 */
final class BoardQuery {

    static final List<String> FIELDS = List.of("NEW_GENERATION_IT", "BIOMEDICINE", "AEROSPACE",
            "BRAIN_COMPUTER_INTERFACE", "ADVANCED_MANUFACTURING", "NEW_MATERIALS", "NEW_ENERGY", "OTHER");
    static final List<String> REGIONS = List.of("BEIJING", "TIANJIN", "HEBEI", "OTHER");
    static final List<String> MODES = List.of("OPEN_COMPETITION", "HORSE_RACE");
    static final List<String> STATUSES = List.of("DRAFT", "PUBLISHED", "SCREENING", "IN_EVALUATION", "AWARDED",
            "FAILED", "CANCELLED");
    static final List<Integer> SIZES = List.of(10, 20, 50);
    static final int DEFAULT_SIZE = 20;
    static final int MAX_TEXT = 100;
    /** 9 integer digits of 万元 is 13 of CNY, the most a budget has. */
    private static final int MAX_WAN_DIGITS = 9;

    /** The filters in the order of the form, each as the person typed it (trimmed). */
    private final Map<String, String> values = new LinkedHashMap<>();
    /** What the service is asked, in its own names and units. */
    private final Map<String, String> api = new LinkedHashMap<>();
    /** Field → message key of the {@code public} bundle. */
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final int page;
    private final int size;

    private BoardQuery(ConvertibleMultiValues<String> params) {
        text(params, "q");
        choice(params, "field", FIELDS);
        choice(params, "region", REGIONS);
        choice(params, "mode", MODES);
        choice(params, "status", STATUSES);
        BigDecimal min = budget(params, "minBudget");
        BigDecimal max = budget(params, "maxBudget");
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.put("maxBudget", "public.board.error.budget-order");
        }
        LocalDate after = date(params, "closesAfter");
        LocalDate before = date(params, "closesBefore");
        if (after != null) {
            api.put("closesAfter", after.atStartOfDay(Formats.BEIJING).toInstant().toString());
        }
        if (before != null) {
            // "closes on or before" the day: before the start of the next day in Beijing
            api.put("closesBefore", before.plusDays(1).atStartOfDay(Formats.BEIJING).toInstant().toString());
        }
        if (after != null && before != null && after.isAfter(before)) {
            errors.put("closesBefore", "public.board.error.date-order");
        }
        int sizeAsked = number(params.getFirst("size").orElse(null), DEFAULT_SIZE);
        this.size = SIZES.contains(sizeAsked) ? sizeAsked : DEFAULT_SIZE;
        this.page = Math.max(1, number(params.getFirst("page").orElse(null), 1));
    }

    static BoardQuery of(ConvertibleMultiValues<String> params) {
        return new BoardQuery(params);
    }

    private String raw(ConvertibleMultiValues<String> params, String name) {
        String value = params.getFirst(name).map(String::strip).orElse("");
        if (!value.isEmpty()) {
            values.put(name, value);
        }
        return value;
    }

    private void text(ConvertibleMultiValues<String> params, String name) {
        String value = raw(params, name);
        if (value.codePointCount(0, value.length()) > MAX_TEXT) {
            errors.put(name, "public.board.error.text-too-long");
        } else if (!value.isEmpty()) {
            api.put(name, value);
        }
    }

    private void choice(ConvertibleMultiValues<String> params, String name, List<String> allowed) {
        String value = raw(params, name);
        if (value.isEmpty()) {
            return;
        }
        if (allowed.contains(value)) {
            api.put(name, value);
        } else {
            errors.put(name, "public.board.error.choice");
        }
    }

    private BigDecimal budget(ConvertibleMultiValues<String> params, String name) {
        String value = raw(params, name).replace(",", "").replace("，", "").replace(" ", "");
        if (value.isEmpty()) {
            return null;
        }
        BigDecimal wan;
        try {
            wan = new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.put(name, "public.board.error.budget");
            return null;
        }
        if (wan.signum() < 0) {
            errors.put(name, "public.board.error.budget-negative");
            return null;
        }
        if (wan.precision() - wan.scale() > MAX_WAN_DIGITS || wan.scale() > 4) {
            errors.put(name, "public.board.error.budget");
            return null;
        }
        BigDecimal cny = wan.movePointRight(4);
        api.put(name, cny.stripTrailingZeros().toPlainString());
        return cny;
    }

    private LocalDate date(ConvertibleMultiValues<String> params, String name) {
        String value = raw(params, name);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(name, "public.board.error.date");
            return null;
        }
    }

    private static int number(String text, int otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    Map<String, String> values() {
        return values;
    }

    String value(String name) {
        return values.getOrDefault(name, "");
    }

    Map<String, String> errors() {
        return errors;
    }

    boolean valid() {
        return errors.isEmpty();
    }

    boolean filtered() {
        return !values.isEmpty();
    }

    int page() {
        return page;
    }

    int size() {
        return size;
    }

    /** The service's query string for this page: its filters in CNY and instants, its page from 0. */
    String apiQuery() {
        StringJoiner query = new StringJoiner("&");
        api.forEach((name, value) -> query.add(name + "=" + encode(value)));
        query.add("page=" + (page - 1));
        query.add("size=" + size);
        return query.toString();
    }

    /** This board's address at another page, with the filters as the person gave them, so it can be shared. */
    String link(int toPage) {
        StringJoiner query = new StringJoiner("&");
        values.forEach((name, value) -> query.add(name + "=" + encode(value)));
        if (size != DEFAULT_SIZE) {
            query.add("size=" + size);
        }
        if (toPage > 1) {
            query.add("page=" + toPage);
        }
        return query.length() == 0 ? "/challenges" : "/challenges?" + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
