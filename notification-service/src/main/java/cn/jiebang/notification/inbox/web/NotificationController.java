package cn.jiebang.notification.inbox.web;

import cn.jiebang.notification.inbox.application.RecipientInbox;
import cn.jiebang.notification.inbox.domain.Notification;
import cn.jiebang.notification.inbox.domain.NotificationKind;
import cn.jiebang.web.Paging;
import io.micronaut.core.annotation.Nullable;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Instant;
import java.util.List;

/** The caller's in-app inbox: the notifications addressed to the caller, paged, with read marks. */
@Tag(name = "notifications")
@Controller("/api/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationController {

    private final RecipientInbox inbox;

    NotificationController(RecipientInbox inbox) {
        this.inbox = inbox;
    }

    @Serdeable
    record NotificationView(String id, NotificationKind kind, String title, String body, @Nullable String link,
                            Instant createdAt, boolean read) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getKind(), n.getTitle(), n.getBody(), n.getLink(), n.getCreatedAt(),
                    n.isRead());
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
        RecipientInbox.InboxPage result = inbox.page(caller.getName(), page, size, unread);
        return new NotificationPage(result.notifications().getContent().stream().map(NotificationView::of).toList(),
                page, size, result.notifications().getTotalSize(), result.unread());
    }

    @Operation(summary = "Mark one of the caller's notifications read",
            description = "Who may call: signed in.\n\nMarks one of the caller's notifications read (a read one "
            + "stays as it was) and returns it. **404** `notification-not-found` for another user's, body for body "
            + "as for an unknown id.")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/{id}/read")
    NotificationView markRead(@PathVariable String id, Authentication caller) {
        return NotificationView.of(inbox.markRead(caller.getName(), id));
    }

    @Serdeable
    record Marked(int marked) {
    }

    @Operation(summary = "Mark all the caller's notifications read",
            description = "Who may call: signed in.\n\nMarks all the caller's notifications read: `{marked}`, how "
            + "many were unread.")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/read")
    Marked markAllRead(Authentication caller) {
        return new Marked(inbox.markAllRead(caller.getName()));
    }
}
