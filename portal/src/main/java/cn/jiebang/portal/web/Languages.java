package cn.jiebang.portal.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** The portal speaks Chinese (the default) and English; the language menu's choice is kept for a year. */
@Controller("/lang")
class Languages {

    private final boolean secureCookies;

    Languages(@Value("${jiebang.portal.secure-cookies:false}") boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    /** Chinese unless English was asked for: the two languages the bundles are complete in. */
    static Locale of(Locale requested) {
        return "en".equals(requested.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    @Get
    HttpResponse<?> choose(@QueryValue String to, @QueryValue @Nullable String next, HttpRequest<?> request) {
        String language = "en".equals(to) ? "en" : "zh-CN";
        return HttpResponse.seeOther(URI.create(Redirects.local(next)))
                .cookie(Cookie.of("lang", language).path("/").maxAge(Duration.ofDays(365)).httpOnly(true)
                        .sameSite(SameSite.Lax).secure(secureCookies));
    }
}
