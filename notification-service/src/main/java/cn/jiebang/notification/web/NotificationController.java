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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The caller's in-app inbox. Until accounts exist the caller is anonymous and sees announcements to
 * everyone; the accounts issue adds the caller's own notifications to {@link #recipientsOfCaller()}.
 */
@Tag(name = "notifications")
@Controller("/api/notifications")
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

    @Operation(summary = "The caller's notifications, newest first, paged")
    @Get
    NotificationPage list(@QueryValue(defaultValue = "0") @Min(0) int page,
                          @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        Set<String> recipients = recipientsOfCaller();
        Page<Notification> result = notifications.findByRecipientIn(recipients,
                Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        return new NotificationPage(result.getContent().stream().map(NotificationView::of).toList(), page, size,
                result.getTotalSize(), notifications.countByRecipientInAndReadAtIsNull(recipients));
    }

    private static Set<String> recipientsOfCaller() {
        return Set.of(Notification.EVERYONE);
    }
}
