package cn.jiebang.portal.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

import java.net.URI;

/** Where to send a person after a form, on this origin only (no open redirects). */
public final class Redirects {

    private Redirects() {
    }

    /** A path on this portal, or {@code /} for anything else (an absolute URL, {@code //host}, a backslash). */
    public static String local(@Nullable String next) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.contains("\r") || next.contains("\n")) {
            return "/";
        }
        return next;
    }

    /**
     * After a successful form: htmx requests get {@code HX-Redirect} (a full page load of the result),
     * plain ones a 303.
     */
    public static MutableHttpResponse<?> to(HttpRequest<?> request, String path) {
        String target = local(path);
        if (request.getHeaders().contains("HX-Request")) {
            return HttpResponse.ok().header("HX-Redirect", target);
        }
        return HttpResponse.seeOther(URI.create(target));
    }
}
