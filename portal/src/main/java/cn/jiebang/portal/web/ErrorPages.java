package cn.jiebang.portal.web;

import cn.jiebang.portal.session.SignInRequired;
import cn.jiebang.portal.session.Visitor;
import cn.jiebang.portal.session.Visitors;
import cn.jiebang.portal.upstream.ServiceUnavailable;
import cn.jiebang.portal.upstream.UpstreamProblem;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.views.ModelAndView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What a person sees when something goes wrong: a page in their language that says what they can do,
 * never a stack trace, a class name or a service's raw answer.
 */
@Controller
class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    @Error(global = true, exception = SignInRequired.class)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, SignInRequired e) {
        if (e.expired()) {
            Visitors.replace(request, Visitor.anonymous());
        }
        String back = request.getMethod() == HttpMethod.GET ? request.getUri().toString()
                : request.getHeaders().findFirst("HX-Current-URL").map(u -> URI.create(u).getRawPath()).orElse("/");
        String target = "/signin?next=" + URLEncoder.encode(Redirects.local(back), StandardCharsets.UTF_8)
                + (e.expired() ? "&expired=1" : "");
        if (request.getHeaders().contains("HX-Request")) {
            return HttpResponse.ok().header("HX-Redirect", target);
        }
        return HttpResponse.seeOther(URI.create(target));
    }

    @Error(global = true, exception = UpstreamProblem.class)
    MutableHttpResponse<?> problem(HttpRequest<?> request, UpstreamProblem problem) {
        return page(HttpStatus.valueOf(problem.status()), "problem." + problem.code(), "error.status." + problem.status());
    }

    @Error(global = true, exception = ServiceUnavailable.class)
    MutableHttpResponse<?> unavailable(HttpRequest<?> request, ServiceUnavailable e) {
        LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), e.getMessage(), e.getCause());
        return page(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable", null);
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    MutableHttpResponse<?> notFound(HttpRequest<?> request) {
        return page(HttpStatus.NOT_FOUND, "error.status.404", null);
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    MutableHttpResponse<?> notAllowed(HttpRequest<?> request) {
        return page(HttpStatus.NOT_FOUND, "error.status.404", null);
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    MutableHttpResponse<?> unsupported(HttpRequest<?> request) {
        return page(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.status.400", null);
    }

    @Error(global = true, status = HttpStatus.BAD_REQUEST)
    MutableHttpResponse<?> badRequest(HttpRequest<?> request) {
        return page(HttpStatus.BAD_REQUEST, "error.status.400", null);
    }

    /** An upload above the portal's limit (64 MB), wherever it was sent. */
    @Error(global = true, exception = ContentLengthExceededException.class)
    MutableHttpResponse<?> tooLarge(HttpRequest<?> request) {
        return page(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "error.status.413", null);
    }

    @Error(global = true, exception = Throwable.class)
    MutableHttpResponse<?> unexpected(HttpRequest<?> request, Throwable e) {
        LOG.error("{} {} failed", request.getMethod(), request.getPath(), e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", null);
    }

    private static MutableHttpResponse<?> page(HttpStatus status, String message, String fallback) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.getCode());
        model.put("message", message);
        model.put("fallback", fallback == null ? "error.unexpected" : fallback);
        return HttpResponse.status(status).body(new ModelAndView<>("error", model));
    }
}
