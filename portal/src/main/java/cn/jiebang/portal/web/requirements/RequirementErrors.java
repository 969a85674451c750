package cn.jiebang.portal.web.requirements;

import cn.jiebang.portal.upstream.UpstreamProblem;
import cn.jiebang.portal.web.Formats;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The faults of a refused requirement form in the page's language, each at its field. challenge-service
 * explains them in English; the page says the same in its own words, so no service text reaches it.
 */
final class RequirementErrors {

    private static final Pattern SIZE = Pattern.compile("size must be between (\\d+) and (\\d+)");

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    static RequirementErrors none() {
        return new RequirementErrors();
    }

    /** The form's own faults ({@code local}, message keys) and those of the problem, if any. */
    static RequirementErrors of(@Nullable UpstreamProblem problem, Map<String, String> local, RequirementForm form,
                                Formats fmt) {
        RequirementErrors errors = new RequirementErrors();
        local.forEach((field, key) -> errors.byField.put(field, fmt.msg(key)));
        if (problem != null) {
            for (UpstreamProblem.FieldError e : problem.errors()) {
                String field = form.placement(e.field());
                String text = text(e.field(), e.message() == null ? "" : e.message(), fmt);
                if (field == null) {
                    if (!errors.general.contains(text)) {
                        errors.general.add(text);
                    }
                } else {
                    errors.byField.putIfAbsent(field, text);
                }
            }
        }
        return errors;
    }

    @Nullable
    public String get(String path) {
        return byField.get(path);
    }

    /** The id of the field's element: {@code indicators[0].name} → {@code indicators-0-name}. */
    public String idOf(String path) {
        return path.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
    }

    public List<String> general() {
        return general;
    }

    public List<String> fields() {
        return List.copyOf(byField.keySet());
    }

    public boolean isEmpty() {
        return byField.isEmpty() && general.isEmpty();
    }

    /** Bean validation's or RequirementCollection's reason in the page's words. */
    static String text(String path, String message, Formats fmt) {
        String said = message.toLowerCase(Locale.ROOT);
        if (said.contains("must not be blank") || said.contains("must not be null") || said.contains("must not be empty")) {
            return fmt.msg("requirements.error.required");
        }
        Matcher size = SIZE.matcher(said);
        if (size.find()) {
            return fmt.msg("indicators".equals(path) ? "requirements.error.size-list" : "requirements.error.size",
                    size.group(2));
        }
        if (said.contains("numeric value out of bounds")) {
            return fmt.msg("requirements.error.digits");
        }
        if (said.contains("quantified target")) {
            return fmt.msg("requirements.error.indicator-missing");
        }
        if (said.contains("must be positive")) {
            return fmt.msg("requirements.error.positive");
        }
        if (said.contains("in the future")) {
            return fmt.msg("requirements.error.future");
        }
        if (said.contains("must not be negative")) {
            return fmt.msg("requirements.error.negative");
        }
        return fmt.msg("requirements.error.invalid");
    }
}
