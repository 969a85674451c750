package cn.jiebang.portal.web;

import cn.jiebang.portal.session.Visitor;
import cn.jiebang.portal.session.Visitors;
import cn.jiebang.portal.upstream.Service;
import cn.jiebang.portal.upstream.Upstream;
import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every page's layout needs besides its own model: the visitor (navigation bar), the unread
 * count, the CSRF token for htmx, the language and the formatter.
 */
@Singleton
class PageModel implements ViewModelProcessor<Map<String, Object>> {

    private final Upstream upstream;
    private final MessageSource messages;
    private final HttpLocaleResolver locales;
    private final Clock clock;

    PageModel(Upstream upstream, MessageSource messages, HttpLocaleResolver locales, Clock clock) {
        this.upstream = upstream;
        this.messages = messages;
        this.locales = locales;
        this.clock = clock;
    }

    @Serdeable
    record Unread(long unread) {
    }

    @Override
    public void process(@NonNull HttpRequest<?> request, @NonNull ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElse(Map.of()));
        Visitor visitor = Visitors.of(request);
        Locale locale = Languages.of(locales.resolveOrDefault(request));
        model.putIfAbsent("visitor", visitor);
        model.put("signedIn", visitor.isSignedIn(clock.instant()));
        model.put("csrf", visitor.csrf());
        model.put("lang", locale.getLanguage());
        model.put("fmt", new Formats(locale, messages));
        model.put("currentPath", request.getUri().toString());
        if (visitor.isSignedIn(clock.instant()) && !model.containsKey("unread")) {
            model.put("unread", unread(visitor));
        }
        modelAndView.setModel(model);
    }

    /** A failing inbox must not take every page down with it: the count is left out then. */
    private Long unread(Visitor visitor) {
        try {
            return upstream.get(Service.NOTIFICATION, "/api/notifications?unread=true&size=1", visitor, Unread.class).unread();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
