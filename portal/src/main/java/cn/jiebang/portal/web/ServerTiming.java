package cn.jiebang.portal.web;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Tells every page's visitor how long the portal took to make it, in the standard
 * {@code Server-Timing: app;dur=<ms>} header (browsers' developer tools show it; the portal benchmark reads
 * it). The time runs from this filter, the first, to the finished page: a view is rendered lazily while the
 * body is written, after the headers, so it is rendered here first to be counted. Not for the API gateway,
 * static files or health checks.
 */
@Filter("/**")
class ServerTiming implements HttpServerFilter {

    static final String HEADER = "Server-Timing";

    static boolean isPage(String path) {
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/static/")
                || path.startsWith("/webjars/") || path.equals("/health"));
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!isPage(request.getPath())) {
            return chain.proceed(request);
        }
        long started = System.nanoTime();
        return Publishers.map(chain.proceed(request), response -> {
            if (response.body() instanceof Writable page) {
                response.body(rendered(page));
            }
            double millis = (System.nanoTime() - started) / 1_000_000.0;
            return response.header(HEADER, String.format(Locale.ROOT, "app;dur=%.1f", millis));
        });
    }

    private static String rendered(Writable page) {
        StringWriter out = new StringWriter(16 * 1024);
        try {
            page.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
