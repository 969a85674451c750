package cn.jiebang.notification.application;

import cn.jiebang.events.RequirementReviewed;
import cn.jiebang.messaging.IncomingEvent;
import cn.jiebang.notification.domain.Notification;
import cn.jiebang.notification.domain.NotificationKind;
import cn.jiebang.notification.domain.Notifications;
import cn.jiebang.notification.domain.Recipients;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/** Tells the agency user who submitted a requirement how the program office decided, in the user's language. */
@Singleton
public class RequirementReviews {

    private static final Map<String, String> ZH = Map.of("APPROVED", "已通过", "RETURNED", "已退回修改", "REJECTED", "未通过");
    private static final Map<String, String> EN = Map.of("APPROVED", "approved", "RETURNED", "returned for revision",
            "REJECTED", "rejected");

    private final Notifications notifications;
    private final Recipients recipients;
    private final Clock clock;

    RequirementReviews(Notifications notifications, Recipients recipients, Clock clock) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.clock = clock;
    }

    @Transactional(propagation = MANDATORY)
    public void on(RequirementReviewed event, IncomingEvent envelope) {
        boolean english = recipients.readsEnglish(event.submittedBy());
        String title = english
                ? "Your requirement \"" + event.title() + "\" was " + EN.get(event.decision())
                : "您提交的需求「" + event.title() + "」" + ZH.get(event.decision());
        String body = event.comment() == null || event.comment().isBlank() ? ""
                : (english ? "Program office: " : "项目管理办公室意见：") + event.comment();
        notifications.save(Notification.to(event.submittedBy(), NotificationKind.REQUIREMENT_REVIEWED, title, body,
                "/api/requirements/" + event.requirementId(), envelope.id(), clock.instant()));
    }
}
