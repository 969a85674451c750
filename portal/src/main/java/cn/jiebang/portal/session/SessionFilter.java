package cn.jiebang.portal.session;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Opens the session cookie of every page request, checks the CSRF token of every state-changing one,
 * and writes the cookie back when the visitor changed. The API gateway ({@code /api/**}), the webjars
 * and static files have no session: API clients carry their own bearer token.
 */
@Filter("/**")
class SessionFilter implements HttpServerFilter {

    static final String COOKIE = "JIEBANG_SESSION";
    /** htmx sends it on every request (hx-headers on the body element); forms carry nothing else. */
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final SessionCodec codec;
    private final boolean secureCookies;

    private final ViewsModelDecorator pages;
    private final ThymeleafViewsRenderer<Map<String, Object>> renderer;

    SessionFilter(SessionCodec codec, @Value("${jiebang.portal.secure-cookies:false}") boolean secureCookies,
                  ViewsModelDecorator pages, ThymeleafViewsRenderer<Map<String, Object>> renderer) {
        this.codec = codec;
        this.pages = pages;
        this.renderer = renderer;
        this.secureCookies = secureCookies;
    }

    static boolean hasSession(String path) {
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/webjars/")
                || path.startsWith("/static/") || path.equals("/health") || path.equals("/favicon.ico"));
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!hasSession(request.getPath())) {
            return chain.proceed(request);
        }
        Visitor visitor = request.getCookies().findCookie(COOKIE).flatMap(c -> codec.open(c.getValue())).orElse(null);
        boolean fresh = visitor == null;
        if (fresh) {
            visitor = Visitor.anonymous();
        }
        request.setAttribute(Visitors.CURRENT, visitor);
        if (!SAFE.contains(request.getMethod()) && !csrfMatches(request, visitor)) {
            // answered here, rendered by hand (no route matched it): nothing behind this filter runs
            ModelAndView<Map<String, Object>> page = new ModelAndView<>("error",
                    new HashMap<>(Map.of("status", 403, "message", "error.csrf", "fallback", "error.csrf")));
            pages.decorate(request, page);
            return Publishers.just(HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(renderer.render("error", page.getModel().orElseThrow(), request)));
        }
        if (fresh) {
            request.setAttribute(Visitors.CHANGED, Boolean.TRUE);
        }
        return Publishers.map(chain.proceed(request), response -> {
            if (request.getAttribute(Visitors.CHANGED, Boolean.class).orElse(false)) {
                response.cookie(Cookie.of(COOKIE, codec.seal(Visitors.of(request)))
                        .path("/").httpOnly(true).sameSite(SameSite.Lax).secure(secureCookies));
            }
            return response;
        });
    }

    private static boolean csrfMatches(HttpRequest<?> request, Visitor visitor) {
        String sent = request.getHeaders().get(CSRF_HEADER);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                visitor.csrf().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SESSION.order();
    }
}
