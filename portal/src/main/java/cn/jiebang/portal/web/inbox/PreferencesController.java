package cn.jiebang.portal.web.inbox;

import cn.jiebang.portal.session.Visitor;
import com.fasterxml.jackson.annotation.JsonInclude;
import cn.jiebang.portal.session.Visitors;
import cn.jiebang.portal.upstream.Service;
import cn.jiebang.portal.upstream.Upstream;
import cn.jiebang.portal.upstream.UpstreamProblem;
import cn.jiebang.portal.web.Redirects;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A person's own choices (订阅与提醒): the technology fields and regions they follow, whose new and changed
 * challenges are announced to them, and per kind of notification whether it also comes by e-mail (the
 * inbox always gets it). Two forms, each replacing what notification-service keeps.
 */
@Controller("/preferences")
@ExecuteOn(TaskExecutors.BLOCKING)
class PreferencesController {

    static final List<String> FIELDS = List.of("NEW_GENERATION_IT", "BIOMEDICINE", "AEROSPACE",
            "BRAIN_COMPUTER_INTERFACE", "ADVANCED_MANUFACTURING", "NEW_MATERIALS", "NEW_ENERGY", "OTHER");
    static final List<String> REGIONS = List.of("BEIJING", "TIANJIN", "HEBEI", "OTHER");

    /** The kinds of notification in groups a person recognises; a kind the service adds later goes under "other". */
    static final Map<String, List<String>> KIND_GROUPS = kindGroups();

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");

    private final Upstream upstream;
    private final Clock clock;

    PreferencesController(Upstream upstream, Clock clock) {
        this.upstream = upstream;
        this.clock = clock;
    }

    private static Map<String, List<String>> kindGroups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("challenges", List.of("CHALLENGE_PUBLISHED", "CHALLENGE_AMENDED", "DEADLINE_REMINDER",
                "CHALLENGE_CANCELLED", "BIDDING_CLOSED", "CHALLENGE_FAILED", "CHALLENGE_AWARDED"));
        groups.put("bids", List.of("BID_RECEIPT", "BID_WITHDRAWN", "BID_SCREENED", "ROUND_RESULTS",
                "OBJECTION_RESOLVED", "FUNDING"));
        groups.put("judging", List.of("ROUND_OPENED", "JUDGES_ASSIGNED", "SCORING_REMINDER"));
        groups.put("office", List.of("BIDS_RECEIVED", "SCREENING_COMPLETED", "OBJECTION_FILED",
                "REQUIREMENT_SUBMITTED", "REQUIREMENT_REVIEWED"));
        return groups;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Following(Set<String> fields, Set<String> regions) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Channels(Map<String, Boolean> email) {
    }

    /** One group of e-mail choices as the page shows it: each kind and whether it comes by e-mail. */
    record KindGroup(String code, Map<String, Boolean> kinds) {
    }

    @Get
    ModelAndView<Map<String, Object>> preferences(@QueryValue @Nullable String saved, HttpRequest<?> request) {
        Visitor visitor = Visitors.signedIn(request, clock);
        Map<String, Object> model = model(following(visitor), channels(visitor));
        if ("subscriptions".equals(saved) || "email".equals(saved)) {
            model.put("saved", saved);
        }
        return new ModelAndView<>("inbox/preferences", model);
    }

    @Post(value = "/subscriptions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> follow(@Body @Nullable Map<String, Object> form, HttpRequest<?> request) {
        Visitor visitor = Visitors.signedIn(request, clock);
        List<String> fields = all(form, "fields");
        List<String> regions = all(form, "regions");
        Following chosen = new Following(new TreeSet<>(fields), new TreeSet<>(regions));
        Map<String, String> errors = new LinkedHashMap<>();
        if (!FIELDS.containsAll(fields)) {
            errors.put("fields", "prefs.error.fields");
        }
        if (!REGIONS.containsAll(regions)) {
            errors.put("regions", "prefs.error.regions");
        }
        if (!errors.isEmpty()) {
            return subscriptionsRefused(visitor, chosen, errors, null, 422);
        }
        try {
            upstream.put(Service.NOTIFICATION, "/api/subscriptions", chosen, visitor, Following.class);
        } catch (UpstreamProblem problem) {
            Map<String, String> refused = subscriptionFieldErrors(problem);
            return subscriptionsRefused(visitor, chosen, refused, problem, status(problem, refused));
        }
        return Redirects.to(request, "/preferences?saved=subscriptions");
    }

    @Post(value = "/email", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> email(@Body @Nullable Map<String, Object> form, HttpRequest<?> request) {
        Visitor visitor = Visitors.signedIn(request, clock);
        Set<String> on = new LinkedHashSet<>(all(form, "email"));
        // every kind the form showed is sent: a box left unticked is e-mail switched off
        Map<String, Boolean> email = new LinkedHashMap<>();
        for (String kind : all(form, "kind")) {
            if (KIND.matcher(kind).matches()) {
                email.put(kind, on.contains(kind));
            }
        }
        Channels chosen = new Channels(email);
        if (email.isEmpty() || !email.keySet().containsAll(on)) {
            return emailRefused(visitor, chosen, Map.of("email", "prefs.error.email"), null, 422);
        }
        try {
            upstream.put(Service.NOTIFICATION, "/api/notification-preferences", chosen, visitor, Channels.class);
        } catch (UpstreamProblem problem) {
            Map<String, String> errors = problem.fieldErrors().isEmpty() ? Map.of()
                    : Map.of("email", "prefs.error.email");
            return emailRefused(visitor, chosen, errors, problem, status(problem, errors));
        }
        return Redirects.to(request, "/preferences?saved=email");
    }

    private HttpResponse<?> subscriptionsRefused(Visitor visitor, Following chosen, Map<String, String> errors,
                                                 @Nullable UpstreamProblem problem, int status) {
        Map<String, Object> model = model(chosen, channels(visitor));
        model.put("subscriptionErrors", errors);
        model.put("subscriptionsProblem", problemMessage(problem, errors));
        model.put("problemFallback", "error.status." + status);
        // htmx keeps the page's address, not the form's
        return HttpResponse.status(HttpStatus.valueOf(status)).header("HX-Replace-Url", "/preferences")
                .body(new ModelAndView<>("inbox/preferences", model));
    }

    private HttpResponse<?> emailRefused(Visitor visitor, Channels chosen, Map<String, String> errors,
                                         @Nullable UpstreamProblem problem, int status) {
        // the choices as sent, over those stored for kinds the form did not send
        Map<String, Boolean> shown = new LinkedHashMap<>(channels(visitor).email());
        shown.putAll(chosen.email());
        Map<String, Object> model = model(following(visitor), new Channels(shown));
        model.put("emailErrors", errors);
        model.put("emailProblem", problemMessage(problem, errors));
        model.put("problemFallback", "error.status." + status);
        // htmx keeps the page's address, not the form's
        return HttpResponse.status(HttpStatus.valueOf(status)).header("HX-Replace-Url", "/preferences")
                .body(new ModelAndView<>("inbox/preferences", model));
    }

    /**
     * 422 when fields are to be corrected; otherwise the service's status, except those that the portal's
     * error pages answer (400, 404), which would replace the form.
     */
    static int status(UpstreamProblem problem, Map<String, String> errors) {
        int status = problem.status();
        return !errors.isEmpty() || status == 400 || status == 404 ? 422 : status;
    }

    /** The message above a refused form: the errors at the fields say what to fix; anything else is said here. */
    @Nullable
    private static String problemMessage(@Nullable UpstreamProblem problem, Map<String, String> errors) {
        if (!errors.isEmpty()) {
            return "error.status.422";
        }
        return problem == null ? null : "problem." + problem.code();
    }

    /** The service names a field {@code fields[]<…>} or {@code regions…}; the form has one group for each. */
    private static Map<String, String> subscriptionFieldErrors(UpstreamProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : problem.fieldErrors().keySet()) {
            if (field.startsWith("fields")) {
                errors.put("fields", "prefs.error.fields");
            } else if (field.startsWith("regions")) {
                errors.put("regions", "prefs.error.regions");
            }
        }
        return errors;
    }

    private Map<String, Object> model(Following following, Channels channels) {
        Map<String, Object> model = new HashMap<>();
        model.put("allFields", FIELDS);
        model.put("allRegions", REGIONS);
        model.put("following", following);
        model.put("kindGroups", groups(channels));
        model.put("subscriptionErrors", Map.of());
        model.put("emailErrors", Map.of());
        return model;
    }

    /** The kinds the service knows (or the form sent), in the page's groups; unknown ones go under "other". */
    static List<KindGroup> groups(Channels channels) {
        Map<String, Boolean> left = new LinkedHashMap<>(channels.email());
        List<KindGroup> groups = new ArrayList<>();
        KIND_GROUPS.forEach((group, kinds) -> {
            Map<String, Boolean> shown = new LinkedHashMap<>();
            for (String kind : kinds) {
                Boolean email = left.remove(kind);
                if (email != null) {
                    shown.put(kind, email);
                }
            }
            if (!shown.isEmpty()) {
                groups.add(new KindGroup(group, shown));
            }
        });
        if (!left.isEmpty()) {
            groups.add(new KindGroup("other", left));
        }
        return groups;
    }

    private Following following(Visitor visitor) {
        return upstream.get(Service.NOTIFICATION, "/api/subscriptions", visitor, Following.class);
    }

    private Channels channels(Visitor visitor) {
        return upstream.get(Service.NOTIFICATION, "/api/notification-preferences", visitor, Channels.class);
    }

    /** A form's values of one name: the decoded form has a string for one, a list for several. */
    static List<String> all(@Nullable Map<String, Object> form, String name) {
        Object value = form == null ? null : form.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of(value.toString());
    }
}
