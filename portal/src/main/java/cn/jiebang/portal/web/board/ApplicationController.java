package cn.jiebang.portal.web.board;

import cn.jiebang.portal.upstream.Service;
import cn.jiebang.portal.upstream.Upstream;
import cn.jiebang.portal.upstream.UpstreamProblem;
import cn.jiebang.portal.web.Redirects;
import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.value.ConvertibleMultiValuesMap;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An organization applies to join the platform (申请注册) with its contact person; the program office
 * reviews the application. The credit code is checked as it is typed, by the portal's copy of the rule.
 */
@Controller("/organizations/apply")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApplicationController {

    private final Upstream upstream;
    private final MessageSource messages;
    private final HttpLocaleResolver locales;

    ApplicationController(Upstream upstream, MessageSource messages, HttpLocaleResolver locales) {
        this.upstream = upstream;
        this.messages = messages;
        this.locales = locales;
    }

    @Serdeable
    record Applied(String id, String status) {
    }

    /** What the live check under the credit code field says: {@code ok}, {@code error} or a {@code hint}. */
    record Check(String state, String message) {
    }

    @Get
    ModelAndView<Map<String, Object>> form(HttpRequest<?> request) {
        Locale locale = locale(request);
        return new ModelAndView<>("public/apply", model(ApplicationForm.empty(locale.getLanguage()), Map.of(), null,
                locale));
    }

    @Get("/credit-code")
    ModelAndView<Map<String, Object>> checkCreditCode(HttpRequest<?> request) {
        String typed = request.getParameters().getFirst(ApplicationForm.CREDIT_CODE)
                .or(() -> request.getParameters().getFirst("creditCode")).orElse("");
        Map<String, Object> model = new HashMap<>();
        model.put("check", check(typed, locale(request)));
        // a fragment: no navigation bar, so no unread count to ask for
        model.put("unread", null);
        return new ModelAndView<>("public/credit-code-check", model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> apply(@Body Map<String, List<String>> body, HttpRequest<?> request) {
        Locale locale = locale(request);
        // repeated names (the roles) arrive as lists
        ApplicationForm form = ApplicationForm.of(
                new ConvertibleMultiValuesMap<String>(new LinkedHashMap<CharSequence, List<String>>(body)),
                locale.getLanguage());
        Map<String, ApplicationForm.Problem> problems = form.problems();
        if (!problems.isEmpty()) {
            return refused(HttpStatus.UNPROCESSABLE_ENTITY, form, problems, null, 422, locale);
        }
        try {
            upstream.post(Service.CHALLENGE, "/api/organizations/applications", form.application(), null, Applied.class);
        } catch (UpstreamProblem problem) {
            // 400 would be answered by the general 400 page: a refused form is always 422 with its fields
            return refused(problem.status() == 409 ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY, form,
                    fieldProblems(problem), message(problem), problem.status(), locale);
        }
        return Redirects.to(request, "/organizations/apply/received");
    }

    @Get("/received")
    ModelAndView<Map<String, Object>> received() {
        return new ModelAndView<>("public/applied", new HashMap<>());
    }

    /** The service's field errors, at the form's fields, each in the person's language (never the service's words). */
    private static Map<String, ApplicationForm.Problem> fieldProblems(UpstreamProblem problem) {
        Map<String, ApplicationForm.Problem> problems = new LinkedHashMap<>();
        for (UpstreamProblem.FieldError error : problem.errors()) {
            String field = ApplicationForm.fieldOf(error.field());
            String key = switch (problem.code()) {
                case "credit-code-taken", "email-taken" -> "public.apply.taken." + field;
                default -> "public.apply.invalid." + field;
            };
            problems.putIfAbsent(field, new ApplicationForm.Problem(key));
        }
        return problems;
    }

    /** A refusal that is more than its fields says so above the form: a duplicate, a race, anything else. */
    @Nullable
    private static String message(UpstreamProblem problem) {
        return switch (problem.code()) {
            case "invalid-request", "invalid-credit-code", "password-too-long", "role-not-allowed" ->
                    problem.errors().isEmpty() ? "error.status." + problem.status() : null;
            default -> "problem." + problem.code();
        };
    }

    private HttpResponse<?> refused(HttpStatus status, ApplicationForm form, Map<String, ApplicationForm.Problem> problems,
                                    @Nullable String message, int problemStatus, Locale locale) {
        Map<String, Object> model = model(form, problems, message, locale);
        model.put("fallback", "error.status." + problemStatus);
        return HttpResponse.status(status).body(new ModelAndView<>("public/apply", model));
    }

    private Map<String, Object> model(ApplicationForm form, Map<String, ApplicationForm.Problem> problems,
                                      @Nullable String message, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> elsewhere = new LinkedHashMap<>();
        problems.forEach((field, problem) -> {
            String text = text(problem.key(), locale, problem.args());
            if (ApplicationForm.fields().contains(field)) {
                errors.put(field, text);
            } else {
                elsewhere.put(field, text);
            }
        });
        Map<String, Object> model = new HashMap<>();
        model.put("form", form.values());
        model.put("roles", form.roles());
        model.put("errors", errors);
        model.put("otherErrors", elsewhere.values());
        model.put("message", message);
        model.put("regions", ApplicationForm.REGIONS);
        model.put("kinds", ApplicationForm.KINDS);
        model.put("offeredRoles", ApplicationForm.ROLES_OFFERED);
        model.put("languages", ApplicationForm.LANGUAGES);
        String code = form.values().get(ApplicationForm.CREDIT_CODE);
        model.put("check", errors.containsKey(ApplicationForm.CREDIT_CODE) || code.isEmpty() ? null
                : check(code, locale));
        return model;
    }

    private Check check(String typed, Locale locale) {
        CreditCodeCheck.Result result = CreditCodeCheck.check(typed);
        if (result.verdict() == CreditCodeCheck.Verdict.EMPTY) {
            return new Check("none", "");
        }
        String state = result.valid() ? "ok" : result.incomplete() ? "hint" : "error";
        return new Check(state, text(result.key(), locale, result.arguments()));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, locale, args)
                .or(() -> messages.getMessage("public.apply.invalid", locale))
                .orElse(key);
    }

    private Locale locale(HttpRequest<?> request) {
        return "en".equals(locales.resolveOrDefault(request).getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
