package cn.jiebang.portal.web.requirements;

import cn.jiebang.portal.session.Visitor;
import cn.jiebang.portal.session.Visitors;
import cn.jiebang.portal.upstream.Service;
import cn.jiebang.portal.upstream.Upstream;
import cn.jiebang.portal.upstream.UpstreamProblem;
import cn.jiebang.portal.web.Formats;
import cn.jiebang.portal.web.Redirects;
import cn.jiebang.portal.web.requirements.RequirementApi.Requirement;
import cn.jiebang.portal.web.requirements.RequirementApi.RequirementPage;
import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An agency's requirements (需求征集): its organization's list, a new one, a draft or returned one edited and
 * submitted, and the program office's review comment. challenge-service decides who sees what: another
 * organization's requirement is its 404.
 */
@Controller("/requirements")
@ExecuteOn(TaskExecutors.BLOCKING)
class RequirementPagesController {

    private static final int PAGE_SIZE = 20;

    private final Upstream upstream;
    private final Clock clock;
    private final MessageSource messages;
    private final HttpLocaleResolver locales;

    RequirementPagesController(Upstream upstream, Clock clock, MessageSource messages, HttpLocaleResolver locales) {
        this.upstream = upstream;
        this.clock = clock;
        this.messages = messages;
        this.locales = locales;
    }

    @Get
    ModelAndView<Map<String, Object>> list(@QueryValue(defaultValue = "0") int page, HttpRequest<?> request) {
        Visitor visitor = agency(request);
        int p = Math.max(0, page);
        RequirementPage result = upstream.get(Service.CHALLENGE, "/api/requirements?size=" + PAGE_SIZE + "&page=" + p,
                visitor, RequirementPage.class);
        Map<String, Object> model = new HashMap<>();
        model.put("items", result.items());
        model.put("page", p);
        model.put("hasNext", (long) (p + 1) * PAGE_SIZE < result.totalItems());
        return new ModelAndView<>("requirements/list", model);
    }

    @Get("/new")
    HttpResponse<?> blank(HttpRequest<?> request) {
        agency(request);
        return form(HttpStatus.OK, null, RequirementForm.empty(), RequirementErrors.none(), null);
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(@Body Map<String, Object> body, HttpRequest<?> request) {
        Visitor visitor = agency(request);
        RequirementForm form = RequirementForm.read(body);
        RequirementForm.Converted converted = form.toRequest();
        if (!converted.errorKeys().isEmpty()) {
            return refused(null, converted, null, form, request);
        }
        try {
            Requirement created = upstream.post(Service.CHALLENGE, "/api/requirements", converted.request(), visitor,
                    Requirement.class);
            return Redirects.to(request, "/requirements/" + enc(created.id()));
        } catch (UpstreamProblem problem) {
            return refused(problem, converted, null, form, request);
        }
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> show(@PathVariable String id,
                                           @QueryValue(defaultValue = "false") boolean submitted,
                                           HttpRequest<?> request) {
        Visitor visitor = agency(request);
        Map<String, Object> model = new HashMap<>();
        model.put("r", requirement(id, visitor));
        model.put("submitted", submitted);
        return new ModelAndView<>("requirements/requirement", model);
    }

    @Get("/{id}/edit")
    HttpResponse<?> edit(@PathVariable String id, HttpRequest<?> request) {
        Requirement r = requirement(id, agency(request));
        return form(HttpStatus.OK, r, RequirementForm.of(r), RequirementErrors.none(), null);
    }

    @Post(value = "/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(@PathVariable String id, @Body Map<String, Object> body, HttpRequest<?> request) {
        Visitor visitor = agency(request);
        Requirement r = requirement(id, visitor);
        RequirementForm form = RequirementForm.read(body);
        RequirementForm.Converted converted = form.toRequest();
        if (!converted.errorKeys().isEmpty()) {
            return refused(null, converted, r, form, request);
        }
        try {
            upstream.put(Service.CHALLENGE, "/api/requirements/" + enc(id), converted.request(), visitor,
                    Requirement.class);
            return Redirects.to(request, "/requirements/" + enc(id));
        } catch (UpstreamProblem problem) {
            return refused(problem, converted, r, form, request);
        }
    }

    /** Submits for review; a refusal (not editable any more) is the general error page with its reason. */
    @Post(value = "/{id}/submit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(@PathVariable String id, HttpRequest<?> request) {
        Visitor visitor = agency(request);
        upstream.post(Service.CHALLENGE, "/api/requirements/" + enc(id) + "/submit", Map.of(), visitor,
                Requirement.class);
        return Redirects.to(request, "/requirements/" + enc(id) + "?submitted=true");
    }

    @Error(global = true, exception = NotAnAgency.class)
    MutableHttpResponse<?> notAnAgency(HttpRequest<?> request, NotAnAgency e) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", 403);
        model.put("message", "requirements.refused.not-agency");
        model.put("fallback", "error.status.403");
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("error", model));
    }

    private Visitor agency(HttpRequest<?> request) {
        Visitor visitor = Visitors.signedIn(request, clock);
        if (!visitor.hasRole("AGENCY")) {
            throw new NotAnAgency();
        }
        return visitor;
    }

    private Requirement requirement(String id, Visitor visitor) {
        return upstream.get(Service.CHALLENGE, "/api/requirements/" + enc(id), visitor, Requirement.class);
    }

    private HttpResponse<?> refused(@Nullable UpstreamProblem problem, RequirementForm.Converted converted,
                                    @Nullable Requirement r, RequirementForm form, HttpRequest<?> request) {
        if (problem != null && problem.status() != 400 && problem.status() != 422) {
            throw problem;
        }
        Formats fmt = fmt(request);
        RequirementErrors errors = RequirementErrors.of(problem, converted.errorKeys(), form, fmt);
        return form(HttpStatus.UNPROCESSABLE_ENTITY, r, form, errors, fmt.msg("requirements.refused.invalid"));
    }

    private HttpResponse<?> form(HttpStatus status, @Nullable Requirement r, RequirementForm form,
                                 RequirementErrors errors, @Nullable String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("r", r);
        model.put("form", form);
        model.put("errors", errors);
        model.put("message", message);
        model.put("action", r == null ? "/requirements/new" : "/requirements/" + enc(r.id()) + "/edit");
        model.put("selects", List.of("kind", "technologyField", "region"));
        model.put("kinds", RequirementApi.KINDS);
        model.put("fields", RequirementApi.FIELDS);
        model.put("regions", RequirementApi.REGIONS);
        model.put("directions", RequirementApi.DIRECTIONS);
        return HttpResponse.status(status).body(new ModelAndView<>("requirements/form", model));
    }

    private Formats fmt(HttpRequest<?> request) {
        Locale requested = locales.resolveOrDefault(request);
        return new Formats("en".equals(requested.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE, messages);
    }

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
