package cn.jiebang.portal.web.board;

import cn.jiebang.portal.session.Visitor;
import cn.jiebang.portal.session.Visitors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.time.Clock;

/**
 * Who reads a public page, as far as the services need to know: a signed-in visitor's token goes along
 * (an agency sees its drafts, the program office everything); a session whose token has run out reads
 * the page as anyone does instead of being sent to sign in.
 */
final class PublicVisitor {

    private PublicVisitor() {
    }

    @Nullable
    static Visitor of(HttpRequest<?> request, Clock clock) {
        Visitor visitor = Visitors.of(request);
        return visitor.isSignedIn(clock.instant()) ? visitor : null;
    }

    static boolean maySeeDrafts(@Nullable Visitor visitor) {
        return visitor != null && (visitor.hasRole("ADMIN") || visitor.hasRole("AGENCY"));
    }
}
