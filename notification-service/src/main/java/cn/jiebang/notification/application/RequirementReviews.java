package cn.jiebang.notification.application;

import cn.jiebang.events.RequirementReviewed;
import cn.jiebang.events.RequirementSubmitted;
import cn.jiebang.messaging.IncomingEvent;
import cn.jiebang.notification.domain.NotificationKind;
import cn.jiebang.notification.domain.Recipients;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/** 需求征集: the program office hears of each submitted requirement, the submitter of the review's decision. */
@Singleton
public class RequirementReviews {

    private static final Map<String, String> ZH = Map.of("APPROVED", "已通过", "RETURNED", "已退回修改", "REJECTED", "未通过");
    private static final Map<String, String> EN = Map.of("APPROVED", "approved", "RETURNED", "returned for revision",
            "REJECTED", "rejected");

    private final Notifier notifier;
    private final Recipients recipients;

    RequirementReviews(Notifier notifier, Recipients recipients) {
        this.notifier = notifier;
        this.recipients = recipients;
    }

    @Transactional(propagation = MANDATORY)
    public void on(RequirementSubmitted e, IncomingEvent envelope) {
        notifier.tell(recipients.withRole("ADMIN"), NotificationKind.REQUIREMENT_SUBMITTED, new Notifier.Text(
                        "新需求待审：「" + e.title() + "」", "技术领域 " + e.technologyField() + " · 地区 " + e.region(),
                        "Requirement to review: \"" + e.title() + "\"", "Field " + e.technologyField() + " · region "
                        + e.region()),
                "/api/requirements/" + e.requirementId(), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(RequirementReviewed e, IncomingEvent envelope) {
        boolean commented = e.comment() != null && !e.comment().isBlank();
        notifier.tell(List.of(e.submittedBy()), NotificationKind.REQUIREMENT_REVIEWED, new Notifier.Text(
                        "您提交的需求「" + e.title() + "」" + ZH.get(e.decision()), commented ? "项目管理办公室意见：" + e.comment() : "",
                        "Your requirement \"" + e.title() + "\" was " + EN.get(e.decision()),
                        commented ? "Program office: " + e.comment() : ""),
                "/api/requirements/" + e.requirementId(), envelope.id());
    }
}
