package cn.jiebang.portal.web;

import cn.jiebang.portal.session.Visitor;
import cn.jiebang.portal.session.Visitors;
import cn.jiebang.portal.upstream.Service;
import cn.jiebang.portal.upstream.Upstream;
import cn.jiebang.portal.upstream.UpstreamProblem;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sign-in with e-mail and password against challenge-service's token endpoint; the token goes into
 * the sealed session cookie, never into the page. Sign-out forgets it.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class SignInController {

    private final Upstream upstream;
    private final Clock clock;

    SignInController(Upstream upstream, Clock clock) {
        this.upstream = upstream;
        this.clock = clock;
    }

    @Serdeable
    record TokenRequest(String email, String password) {
    }

    @Serdeable
    record TokenResponse(String accessToken, long expiresIn, String userId, String organizationId, List<String> roles) {
    }

    @Serdeable
    record Me(String id, String name, String email) {
    }

    @Serdeable
    record Organization(String id, String name) {
    }

    @Get("/signin")
    ModelAndView<Map<String, Object>> form(@QueryValue @Nullable String next, @QueryValue @Nullable String expired) {
        Map<String, Object> model = new HashMap<>();
        model.put("next", Redirects.local(next));
        model.put("expired", expired != null);
        return new ModelAndView<>("signin", model);
    }

    @Post(value = "/signin", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signIn(@Body Map<String, String> form, HttpRequest<?> request) {
        String email = form.getOrDefault("email", "").strip();
        String password = form.getOrDefault("password", "");
        String next = Redirects.local(form.get("next"));
        if (email.isEmpty() || password.isEmpty()) {
            return refused(email, next, "signin.missing");
        }
        TokenResponse token;
        try {
            token = upstream.post(Service.CHALLENGE, "/api/auth/token", new TokenRequest(email, password), null,
                    TokenResponse.class);
        } catch (UpstreamProblem problem) {
            return refused(email, next, problem.status() == 400 ? "signin.missing" : "signin.bad-credentials");
        } catch (cn.jiebang.portal.session.SignInRequired wrong) {
            return refused(email, next, "signin.bad-credentials");
        }
        Visitor signedIn = Visitors.of(request).signedIn(token.accessToken(),
                clock.instant().plusSeconds(token.expiresIn()), token.userId(), null, email, token.roles(),
                token.organizationId(), null);
        Me me = upstream.get(Service.CHALLENGE, "/api/users/me", signedIn, Me.class);
        String organization = upstream.find(Service.CHALLENGE, "/api/organizations/" + token.organizationId(),
                signedIn, Organization.class).map(Organization::name).orElse(null);
        Visitors.replace(request, signedIn.signedIn(token.accessToken(), signedIn.expiresAt(), token.userId(),
                me.name(), me.email(), token.roles(), token.organizationId(), organization));
        return Redirects.to(request, next.equals("/") ? Home.landing(token.roles()) : next);
    }

    private static HttpResponse<?> refused(String email, String next, String reason) {
        Map<String, Object> model = new HashMap<>();
        model.put("next", next);
        model.put("email", email);
        model.put("error", reason);
        model.put("expired", false);
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ModelAndView<>("signin", model));
    }

    @Post(value = "/signout", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    HttpResponse<?> signOut(HttpRequest<?> request) {
        Visitors.replace(request, Visitor.anonymous());
        return Redirects.to(request, "/");
    }
}
