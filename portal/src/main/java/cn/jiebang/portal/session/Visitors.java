package cn.jiebang.portal.session;

import io.micronaut.http.HttpRequest;

import java.time.Clock;

/** The {@link Visitor} of a page request, as {@link SessionFilter} found it, and the one to store afterwards. */
public final class Visitors {

    static final String CURRENT = "jiebang.visitor";
    static final String CHANGED = "jiebang.visitor.changed";

    private Visitors() {
    }

    public static Visitor of(HttpRequest<?> request) {
        return request.getAttribute(CURRENT, Visitor.class).orElseGet(Visitor::anonymous);
    }

    /** The signed-in visitor with time left on its token, or {@link SignInRequired}. */
    public static Visitor signedIn(HttpRequest<?> request, Clock clock) {
        Visitor visitor = of(request);
        if (!visitor.isSignedIn(clock.instant())) {
            throw new SignInRequired(visitor.isSignedIn());
        }
        return visitor;
    }

    /** Replaces the visitor; the response carries the new session cookie. */
    public static void replace(HttpRequest<?> request, Visitor visitor) {
        request.setAttribute(CURRENT, visitor);
        request.setAttribute(CHANGED, Boolean.TRUE);
    }
}
