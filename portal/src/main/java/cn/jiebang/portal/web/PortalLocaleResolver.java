package cn.jiebang.portal.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * The visitor's language, one of the two the bundles are complete in: the {@code lang} cookie the
 * language menu sets, else the first of Accept-Language that is Chinese or English, else Chinese.
 */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
class PortalLocaleResolver implements HttpLocaleResolver {

    @Override
    @NonNull
    public Optional<Locale> resolve(@NonNull HttpRequest<?> request) {
        Optional<String> chosen = request.getCookies().findCookie("lang").map(c -> c.getValue());
        if (chosen.isPresent()) {
            return Optional.of(chosen.get().startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
        }
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(
                request.getHeaders().get("Accept-Language", String.class).filter(s -> !s.isBlank()).orElse("zh-CN"))) {
            String tag = range.getRange();
            if (tag.startsWith("en")) {
                return Optional.of(Locale.ENGLISH);
            }
            if (tag.startsWith("zh")) {
                return Optional.of(Locale.SIMPLIFIED_CHINESE);
            }
        }
        return Optional.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    @NonNull
    public Locale resolveOrDefault(@NonNull HttpRequest<?> request) {
        return resolve(request).orElse(Locale.SIMPLIFIED_CHINESE);
    }
}
