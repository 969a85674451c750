package cn.jiebang.notification.web;

import cn.jiebang.notification.domain.Notification;
import cn.jiebang.notification.domain.NotificationKind;
import cn.jiebang.notification.domain.Notifications;
import cn.jiebang.problem.DomainProblem;
import cn.jiebang.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The caller's in-app inbox: the notifications addressed to the caller, paged, with read marks. */
@Tag(name = "notifications")
@Controller("/api/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationController {

    private final Notifications notifications;
    private final Clock clock;

    NotificationController(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Serdeable
    record NotificationView(String id, NotificationKind kind, String title, String body, @Nullable String link,
                            Instant createdAt, boolean read) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.kind(), n.title(), n.body(), n.link(), n.createdAt(), n.readAt() != null);
        }
    }

    @Serdeable
    record NotificationPage(List<NotificationView> items, int page, int size, long totalItems, long unread) {
    }

    @Operation(summary = "The caller's notifications, newest first, paged, with the unread count (any signed-in user); "
            + "unread=true lists only the unread ones",
            description = "Who may call: signed in.\n\nThe caller's notifications: `{items, page, size, "
            + "totalItems, unread}`, newest first; `unread=true` lists only the unread ones; `unread` counts all "
            + "the caller's unread ones; `size` 1–100. Each notification has `id`, `kind`, `title`, `body`, "
            + "`link`, `createdAt` and `read`; `link` is a path on bid-service (`/api/bids/{id}`, "
            + "`/api/judging/assignments`) or on challenge-service (`/api/challenges/{id}`, its "
            + "`/rounds/{n}/results`, `/rounds/{n}/objections` and `/funding`, `/api/requirements/{id}`).")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get
    NotificationPage list(@QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                          @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size,
                          @QueryValue(defaultValue = "false") boolean unread,
                          Authentication caller) {
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
        Page<Notification> result = unread ? notifications.findByRecipientAndReadAtIsNull(caller.getName(), pageable)
                : notifications.findByRecipient(caller.getName(), pageable);
        return new NotificationPage(result.getContent().stream().map(NotificationView::of).toList(), page, size,
                result.getTotalSize(), notifications.countByRecipientAndReadAtIsNull(caller.getName()));
    }

    @Operation(summary = "Mark one of the caller's notifications read",
            description = "Who may call: signed in.\n\nMarks one of the caller's notifications read (a read one "
            + "stays as it was) and returns it. **404** `notification-not-found` for another user's, body for body "
            + "as for an unknown id.")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/{id}/read")
    @Transactional
    NotificationView markRead(@PathVariable String id, Authentication caller) {
        Notification notification = notifications.findById(id).filter(n -> n.recipient().equals(caller.getName()))
                .orElseThrow(() -> new NotificationNotFound(id));
        return NotificationView.of(notifications.update(notification.read(clock.instant())));
    }

    @Serdeable
    record Marked(int marked) {
    }

    @Operation(summary = "Mark all the caller's notifications read",
            description = "Who may call: signed in.\n\nMarks all the caller's notifications read: `{marked}`, how "
            + "many were unread.")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/read")
    @Transactional
    Marked markAllRead(Authentication caller) {
        return new Marked(notifications.markAllRead(caller.getName(), clock.instant()));
    }

    static class NotificationNotFound extends DomainProblem {
        NotificationNotFound(String id) {
            super(Kind.NOT_FOUND, "notification-not-found", "you have no notification " + id);
        }
    }
}
