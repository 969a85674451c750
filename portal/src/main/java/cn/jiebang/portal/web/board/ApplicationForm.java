package cn.jiebang.portal.web.board;

import io.micronaut.core.convert.value.ConvertibleMultiValues;
import io.micronaut.serde.annotation.Serdeable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The organization application form (申请注册) as posted: its fields are named by the paths of
 * challenge-service's {@code ApplicationRequest}, so the service's field errors land on them. It checks
 * what the service would refuse, in the person's language, before anything is sent.
 */
final class ApplicationForm {

    static final String NAME = "organization.name";
    static final String CREDIT_CODE = "organization.creditCode";
    static final String REGION = "organization.region";
    static final String KIND = "organization.kind";
    static final String CONTACT_NAME = "contact.name";
    static final String EMAIL = "contact.email";
    static final String ROLES = "contact.roles";
    static final String LANGUAGE = "contact.language";
    static final String PASSWORD = "contact.password";
    static final String PASSWORD_AGAIN = "contact.passwordAgain";

    static final List<String> REGIONS = BoardQuery.REGIONS;
    static final List<String> KINDS = List.of("ENTERPRISE", "UNIVERSITY", "RESEARCH_INSTITUTE", "GOVERNMENT_AGENCY",
            "OTHER");
    /** challenge-service refuses ADMIN to an applicant (role-not-allowed); every other role may be asked for. */
    static final List<String> ROLES_OFFERED = List.of("AGENCY", "TEAM", "JUDGE");
    static final List<String> LANGUAGES = List.of("zh", "en");
    /** BCrypt reads 72 bytes; challenge-service refuses longer passwords (password-too-long). */
    static final int PASSWORD_MAX_BYTES = 72;
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The form's text fields as typed (passwords excepted: they are never sent back to the browser). */
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> roles = new ArrayList<>();
    private final String password;
    private final String passwordAgain;

    private ApplicationForm(ConvertibleMultiValues<String> posted, String defaultLanguage) {
        for (String name : List.of(NAME, CREDIT_CODE, REGION, KIND, CONTACT_NAME, EMAIL, LANGUAGE)) {
            values.put(name, posted.getFirst(name).map(String::strip).orElse(""));
        }
        if (values.get(LANGUAGE).isEmpty()) {
            values.put(LANGUAGE, defaultLanguage);
        }
        for (String role : posted.getAll(ROLES)) {
            if (!roles.contains(role)) {
                roles.add(role);
            }
        }
        password = posted.getFirst(PASSWORD).orElse("");
        passwordAgain = posted.getFirst(PASSWORD_AGAIN).orElse("");
    }

    static ApplicationForm of(ConvertibleMultiValues<String> posted, String defaultLanguage) {
        return new ApplicationForm(posted, defaultLanguage);
    }

    /** An empty form: the contact's language preset to the page's. */
    static ApplicationForm empty(String language) {
        return new ApplicationForm(ConvertibleMultiValues.empty(), language);
    }

    Map<String, String> values() {
        return values;
    }

    List<String> roles() {
        return roles;
    }

    /** A field's problem as a message key of the {@code public} bundle and its arguments. */
    record Problem(String key, Object... args) {
    }

    /** Field → problem, in the order of the form; empty when the service may be asked. */
    Map<String, Problem> problems() {
        Map<String, Problem> problems = new LinkedHashMap<>();
        String name = values.get(NAME);
        if (name.isEmpty()) {
            problems.put(NAME, new Problem("public.apply.required"));
        } else if (length(name) > 200) {
            problems.put(NAME, new Problem("public.apply.too-long", 200));
        }
        CreditCodeCheck.Result code = CreditCodeCheck.check(values.get(CREDIT_CODE));
        if (!code.valid()) {
            problems.put(CREDIT_CODE, code.verdict() == CreditCodeCheck.Verdict.EMPTY ? new Problem("public.apply.required")
                    : new Problem(code.key(), code.arguments()));
        }
        if (!REGIONS.contains(values.get(REGION))) {
            problems.put(REGION, new Problem("public.apply.choose"));
        }
        if (!KINDS.contains(values.get(KIND))) {
            problems.put(KIND, new Problem("public.apply.choose"));
        }
        String contact = values.get(CONTACT_NAME);
        if (contact.isEmpty()) {
            problems.put(CONTACT_NAME, new Problem("public.apply.required"));
        } else if (length(contact) > 100) {
            problems.put(CONTACT_NAME, new Problem("public.apply.too-long", 100));
        }
        String email = values.get(EMAIL);
        if (email.isEmpty()) {
            problems.put(EMAIL, new Problem("public.apply.required"));
        } else if (email.length() > 254 || !EMAIL_SHAPE.matcher(email).matches()) {
            problems.put(EMAIL, new Problem("public.apply.invalid.contact.email"));
        }
        if (roles.isEmpty()) {
            problems.put(ROLES, new Problem("public.apply.choose-role"));
        } else if (!ROLES_OFFERED.containsAll(roles)) {
            problems.put(ROLES, new Problem("public.apply.invalid.contact.roles"));
        }
        if (!LANGUAGES.contains(values.get(LANGUAGE))) {
            problems.put(LANGUAGE, new Problem("public.apply.choose"));
        }
        if (password.isEmpty()) {
            problems.put(PASSWORD, new Problem("public.apply.required"));
        } else if (length(password) < 10 || length(password) > 200
                || password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            problems.put(PASSWORD, new Problem("public.apply.invalid.contact.password"));
        } else if (!password.equals(passwordAgain)) {
            problems.put(PASSWORD_AGAIN, new Problem("public.apply.password-mismatch"));
        }
        return problems;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    @Serdeable
    record Organization(String name, String creditCode, String region, String kind) {
    }

    @Serdeable
    record Contact(String name, String email, Set<String> roles, String language, String password) {
    }

    @Serdeable
    record Application(Organization organization, Contact contact) {
    }

    /** The body of {@code POST /api/organizations/applications}. */
    Application application() {
        return new Application(
                new Organization(values.get(NAME), CreditCodeCheck.normalize(values.get(CREDIT_CODE)), values.get(REGION),
                        values.get(KIND)),
                new Contact(values.get(CONTACT_NAME), values.get(EMAIL), Set.copyOf(roles), values.get(LANGUAGE),
                        password));
    }

    /**
     * The form field a service field error belongs to: validation errors name the request's paths
     * ({@code organization.name}, {@code contact.roles[0]}); the domain's refusals name the bare field
     * ({@code creditCode}, {@code email}, {@code password}).
     */
    static String fieldOf(String serviceField) {
        String field = serviceField.replaceAll("\\[\\d+]", "");
        return switch (field) {
            case "creditCode" -> CREDIT_CODE;
            case "email" -> EMAIL;
            case "password" -> PASSWORD;
            default -> field;
        };
    }

    static List<String> fields() {
        return List.of(NAME, CREDIT_CODE, REGION, KIND, CONTACT_NAME, EMAIL, ROLES, LANGUAGE, PASSWORD, PASSWORD_AGAIN);
    }
}
