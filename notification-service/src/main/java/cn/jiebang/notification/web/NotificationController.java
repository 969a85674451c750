package cn.jiebang.notification.web;

import cn.jiebang.notification.domain.Notification;
import cn.jiebang.notification.domain.NotificationKind;
import cn.jiebang.notification.domain.Notifications;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import java.util.Set;

/** The caller's in-app inbox: notifications addressed to the caller, and announcements to everyone. */
@Tag(name = "notifications")
@Controller("/api/notifications")
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
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

    @Operation(summary = "The caller's notifications, newest first, paged (any signed-in user)")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get
    NotificationPage list(@QueryValue(defaultValue = "0") @Min(0) int page,
                          @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size,
                          Authentication caller) {
        Set<String> recipients = Set.of(Notification.EVERYONE, caller.getName());
        Page<Notification> result = notifications.findByRecipientIn(recipients,
                Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        return new NotificationPage(result.getContent().stream().map(NotificationView::of).toList(), page, size,
                result.getTotalSize(), notifications.countByRecipientInAndReadAtIsNull(recipients));
    }
}
