package cn.jiebang.portal.web.inbox;

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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The signed-in person's inbox (消息): their notifications, newest first, all or only the unread ones,
 * twenty a page. Marking read works as htmx: the list and the navigation's unread count are swapped in
 * place (the count out of band); without script the form posts and comes back to the list.
 */
@Controller("/inbox")
@ExecuteOn(TaskExecutors.BLOCKING)
class InboxController {

    static final int PAGE_SIZE = 20;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Upstream upstream;
    private final Clock clock;

    InboxController(Upstream upstream, Clock clock) {
        this.upstream = upstream;
        this.clock = clock;
    }

    @Serdeable
    record Notification(String id, String kind, String title, @Nullable String body, @Nullable String link,
                        Instant createdAt, boolean read) {

        /** The portal page this notification is about, or null when there is none. */
        @Nullable
        public String portalLink() {
            return PortalLinks.of(link);
        }
    }

    @Serdeable
    record NotificationPage(List<Notification> items, int page, int size, long totalItems, long unread) {

        public long pages() {
            return Math.max(1, (totalItems + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < totalItems;
        }
    }

    @Serdeable
    record Marked(int marked) {
    }

    @Get
    ModelAndView<Map<String, Object>> inbox(@QueryValue(defaultValue = "false") boolean unread,
                                            @QueryValue(defaultValue = "0") int page, HttpRequest<?> request) {
        Visitor visitor = Visitors.signedIn(request, clock);
        return new ModelAndView<>("inbox/inbox", model(visitor, unread, page, null, null, 200));
    }

    @Post(value = "/{id}/read", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> markRead(@PathVariable String id, @Body @Nullable Map<String, String> body,
                             HttpRequest<?> request) {
        Visitor visitor = Visitors.signedIn(request, clock);
        Map<String, String> form = body == null ? Map.of() : body;
        boolean unreadOnly = "true".equals(form.get("unread"));
        int page = page(form.get("page"));
        if (!ID.matcher(id).matches()) {
            return answer(request, visitor, unreadOnly, page, null, "problem.notification-not-found", 200);
        }
        try {
            upstream.post(Service.NOTIFICATION, "/api/notifications/" + id + "/read", Map.of(), visitor, Notification.class);
        } catch (UpstreamProblem problem) {
            return answer(request, visitor, unreadOnly, page, null, problemKey(problem), listStatus(problem));
        }
        return answer(request, visitor, unreadOnly, page, "inbox.marked-one", null, 200);
    }

    @Post(value = "/read", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> markAllRead(@Body @Nullable Map<String, String> body, HttpRequest<?> request) {
        Visitor visitor = Visitors.signedIn(request, clock);
        boolean unreadOnly = body != null && "true".equals(body.get("unread"));
        try {
            upstream.post(Service.NOTIFICATION, "/api/notifications/read", Map.of(), visitor, Marked.class);
        } catch (UpstreamProblem problem) {
            return answer(request, visitor, unreadOnly, 0, null, problemKey(problem), listStatus(problem));
        }
        return answer(request, visitor, unreadOnly, 0, "inbox.marked-all", null, 200);
    }

    /**
     * htmx gets the list and the navigation's inbox link (out of band) to swap; a plain form post goes
     * back to the list it came from.
     */
    private HttpResponse<?> answer(HttpRequest<?> request, Visitor visitor, boolean unreadOnly, int page,
                                   @Nullable String status, @Nullable String error, int code) {
        if (request.getHeaders().contains("HX-Request")) {
            return HttpResponse.status(HttpStatus.valueOf(code))
                    .body(new ModelAndView<>("inbox/update", model(visitor, unreadOnly, page, status, error, code)));
        }
        return HttpResponse.seeOther(URI.create("/inbox" + query(unreadOnly, page)));
    }

    private Map<String, Object> model(Visitor visitor, boolean unreadOnly, int page, @Nullable String status,
                                      @Nullable String error, int code) {
        NotificationPage notifications = fetch(visitor, unreadOnly, Math.max(0, page));
        if (notifications.items().isEmpty() && notifications.page() > 0) {
            // marking the last unread ones of a page read empties it: show the last page there still is
            notifications = fetch(visitor, unreadOnly, (int) (notifications.pages() - 1));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("notifications", notifications);
        model.put("unreadOnly", unreadOnly);
        // the layout's unread count, from the same answer (PageModel then asks no more)
        model.put("unread", notifications.unread());
        model.put("status", status);
        model.put("error", error);
        model.put("errorFallback", "error.status." + code);
        model.put("previousHref", "/inbox" + query(unreadOnly, notifications.page() - 1));
        model.put("nextHref", "/inbox" + query(unreadOnly, notifications.page() + 1));
        return model;
    }

    private NotificationPage fetch(Visitor visitor, boolean unreadOnly, int page) {
        return upstream.get(Service.NOTIFICATION, "/api/notifications?page=" + page + "&size=" + PAGE_SIZE
                + "&unread=" + unreadOnly, visitor, NotificationPage.class);
    }

    private static String query(boolean unreadOnly, int page) {
        StringBuilder query = new StringBuilder();
        if (unreadOnly) {
            query.append("?unread=true");
        }
        if (page > 0) {
            query.append(query.isEmpty() ? '?' : '&').append("page=").append(page);
        }
        return query.toString();
    }

    private static int page(@Nullable String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The list is shown again with the message; a 400 or 404 would make the portal's error page replace it. */
    private static int listStatus(UpstreamProblem problem) {
        return problem.status() == 400 || problem.status() == 404 ? 200 : problem.status();
    }

    private static String problemKey(UpstreamProblem problem) {
        return "problem." + problem.code();
    }
}
