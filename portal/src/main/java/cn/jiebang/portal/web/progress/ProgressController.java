package cn.jiebang.portal.web.progress;

import cn.jiebang.portal.session.Visitor;
import cn.jiebang.portal.session.Visitors;
import cn.jiebang.portal.upstream.Service;
import cn.jiebang.portal.upstream.Upstream;
import cn.jiebang.portal.upstream.UpstreamProblem;
import cn.jiebang.portal.web.Redirects;
import cn.jiebang.portal.web.progress.ProgressApi.Attachment;
import cn.jiebang.portal.web.progress.ProgressApi.Bid;
import cn.jiebang.portal.web.progress.ProgressApi.Deliverable;
import cn.jiebang.portal.web.progress.ProgressApi.DeliverableRequest;
import cn.jiebang.portal.web.progress.ProgressApi.Objection;
import cn.jiebang.portal.web.progress.ProgressApi.ObjectionRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A team's view of one bid's evaluation (评审进度): the screening, each round's state and the team's own
 * result once announced, objections during 公示, deliverables for MILESTONE rounds, and the tranches
 * granted. TEAM only; the services decide what the team may read and do.
 */
@Controller("/my/bids/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
class ProgressController {

    static final int MAX_REASONS = 20_000;
    static final int MAX_SUMMARY = 50_000;
    static final int MAX_FILES = 20;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final ProgressReader reader;
    private final Upstream upstream;
    private final Clock clock;

    ProgressController(ProgressReader reader, Upstream upstream, Clock clock) {
        this.reader = reader;
        this.upstream = upstream;
        this.clock = clock;
    }

    @Get("/progress")
    HttpResponse<?> progress(@PathVariable String id, @QueryValue @Nullable Integer filed, HttpRequest<?> request) {
        Visitor visitor = Visitors.signedIn(request, clock);
        HttpResponse<?> refused = refuse(visitor, id);
        if (refused != null) {
            return refused;
        }
        Map<String, Object> model = reader.read(visitor, id);
        if (filed != null) {
            model.put("notice", "progress.objection.filed");
        }
        return HttpResponse.ok(page(model));
    }

    @Post(value = "/rounds/{index}/objection", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> object(@PathVariable String id, @PathVariable int index, @Body @Nullable Map<String, String> form,
                           HttpRequest<?> request) {
        Visitor visitor = Visitors.signedIn(request, clock);
        HttpResponse<?> refused = refuse(visitor, id);
        if (refused != null) {
            return refused;
        }
        String reasons = form == null ? "" : form.getOrDefault("reasons", "").strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (reasons.isEmpty()) {
            errors.put("reasons", "progress.objection.error.required");
        } else if (reasons.length() > MAX_REASONS) {
            errors.put("reasons", "progress.objection.error.too-long");
        }
        if (!errors.isEmpty()) {
            return objectionRefused(visitor, id, index, reasons, errors, null, 422);
        }
        Bid bid = reader.bid(visitor, id);
        try {
            upstream.post(Service.CHALLENGE, "/api/challenges/" + bid.challengeId() + "/rounds/" + index + "/objections",
                    new ObjectionRequest(reasons), visitor, Objection.class);
        } catch (UpstreamProblem problem) {
            problem.fieldErrors().keySet().stream().filter(f -> f.startsWith("reasons")).findFirst()
                    .ifPresent(f -> errors.put("reasons", "progress.objection.error.invalid"));
            return objectionRefused(visitor, id, index, reasons, errors, problem, status(problem, errors));
        }
        return Redirects.to(request, "/my/bids/" + id + "/progress?filed=" + index);
    }

    @Post(value = "/rounds/{index}/deliverable", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> deliver(@PathVariable String id, @PathVariable int index,
                            @Body io.micronaut.http.server.multipart.MultipartBody body, HttpRequest<?> request) {
        Visitor visitor = Visitors.signedIn(request, clock);
        List<FormParts.Part> parts = FormParts.collect(body);
        HttpResponse<?> refused = refuse(visitor, id);
        if (refused != null) {
            return refused;
        }
        String summary = FormParts.text(parts, "summary").strip();
        List<FormParts.Part> files = FormParts.files(parts, "files");
        Map<String, String> errors = new LinkedHashMap<>();
        if (summary.isEmpty()) {
            errors.put("summary", "progress.deliverable.error.required");
        } else if (summary.length() > MAX_SUMMARY) {
            errors.put("summary", "progress.deliverable.error.too-long");
        }
        if (files.size() > MAX_FILES) {
            errors.put("files", "progress.deliverable.error.too-many");
        }
        if (!errors.isEmpty()) {
            return deliverableRefused(visitor, id, index, summary, errors, null, null, 422);
        }
        Bid bid = reader.bid(visitor, id);
        List<Attachment> uploaded = new ArrayList<>();
        for (FormParts.Part file : files) {
            try {
                uploaded.add(upload(visitor, bid.challengeId(), file));
            } catch (UpstreamProblem problem) {
                errors.put("files", switch (problem.code()) {
                    case "attachment-too-large" -> "progress.deliverable.error.too-large";
                    case "attachment-type-not-accepted" -> "progress.deliverable.error.type";
                    default -> "progress.deliverable.error.upload";
                });
                return deliverableRefused(visitor, id, index, summary, errors, problem, file.fileName(), 422);
            }
        }
        Deliverable delivered;
        try {
            delivered = upstream.put(Service.BID, "/api/bids/" + id + "/rounds/" + index + "/deliverable",
                    new DeliverableRequest(summary, uploaded.stream().map(Attachment::id).toList()), visitor,
                    Deliverable.class);
        } catch (UpstreamProblem problem) {
            for (String field : problem.fieldErrors().keySet()) {
                if (field.startsWith("summary")) {
                    errors.put("summary", "progress.deliverable.error.invalid");
                } else if (field.startsWith("attachmentIds")) {
                    errors.put("files", "progress.deliverable.error.files");
                }
            }
            return deliverableRefused(visitor, id, index, summary, errors, problem, null, status(problem, errors));
        }
        // bid-service cannot be asked for a deliverable afterwards: this answer is the team's one look at it
        Map<String, Object> model = reader.read(visitor, id);
        model.put("delivered", delivered);
        model.put("deliveredFiles", uploaded);
        model.put("notice", "progress.deliverable.saved");
        return stay(HttpResponse.ok(page(model)), id);
    }

    private Attachment upload(Visitor visitor, String challengeId, FormParts.Part file) {
        MultipartBody body = MultipartBody.builder()
                .addPart("file", file.fileName(), MediaType.of(file.contentType()), file.bytes()).build();
        return upstream.exchange(Service.BID, HttpRequest.POST("/api/challenges/" + challengeId + "/attachments", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE), visitor, Argument.of(Attachment.class)).body();
    }

    private HttpResponse<?> objectionRefused(Visitor visitor, String id, int index, String reasons,
                                             Map<String, String> errors, @Nullable UpstreamProblem problem, int status) {
        Map<String, Object> model = reader.read(visitor, id);
        model.put("formRound", index);
        model.put("reasons", reasons);
        model.put("objectionErrors", errors);
        model.put("objectionProblem", problemMessage(problem, errors));
        model.put("problemFallback", "error.status." + (problem == null ? 422 : problem.status()));
        return stay(HttpResponse.status(HttpStatus.valueOf(status)).body(page(model)), id);
    }

    private HttpResponse<?> deliverableRefused(Visitor visitor, String id, int index, String summary,
                                               Map<String, String> errors, @Nullable UpstreamProblem problem,
                                               @Nullable String fileName, int status) {
        Map<String, Object> model = reader.read(visitor, id);
        model.put("formRound", index);
        model.put("summary", summary);
        model.put("deliverableErrors", errors);
        model.put("rejectedFile", fileName);
        model.put("deliverableProblem", problemMessage(problem, errors));
        model.put("problemFallback", "error.status." + (problem == null ? 422 : problem.status()));
        return stay(HttpResponse.status(HttpStatus.valueOf(status)).body(page(model)), id);
    }

    /** The answer to a form shows the progress page: htmx keeps its address rather than the form's. */
    private static MutableHttpResponse<?> stay(MutableHttpResponse<?> response, String id) {
        return response.header("HX-Replace-Url", "/my/bids/" + id + "/progress");
    }

    private static ModelAndView<Map<String, Object>> page(Map<String, Object> model) {
        Map<String, Object> full = new HashMap<>(model);
        full.putIfAbsent("objectionErrors", Map.of());
        full.putIfAbsent("deliverableErrors", Map.of());
        return new ModelAndView<>("progress/progress", full);
    }

    /** Only a team has bids to follow; a path that is no bid id is no page. */
    @Nullable
    private static HttpResponse<?> refuse(Visitor visitor, String id) {
        if (!visitor.hasRole("TEAM")) {
            return error(HttpStatus.FORBIDDEN, "error.status.403");
        }
        if (!ID.matcher(id).matches()) {
            return error(HttpStatus.NOT_FOUND, "problem.bid-not-found");
        }
        return null;
    }

    private static HttpResponse<?> error(HttpStatus status, String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.getCode());
        model.put("message", message);
        model.put("fallback", "error.status." + status.getCode());
        return HttpResponse.status(status).body(new ModelAndView<>("error", model));
    }

    /** The message above a refused form: with errors at the fields it says to look at them. */
    @Nullable
    private static String problemMessage(@Nullable UpstreamProblem problem, Map<String, String> errors) {
        if (!errors.isEmpty()) {
            return "error.status.422";
        }
        return problem == null ? null : "problem." + problem.code();
    }

    /** 422 with fields to correct; else the service's status, except 400 and 404, whose error pages would replace the form. */
    private static int status(UpstreamProblem problem, Map<String, String> errors) {
        int status = problem.status();
        return !errors.isEmpty() || status == 400 || status == 404 ? 422 : status;
    }
}
