package cn.jiebang.notification.notice.application;

import cn.jiebang.events.RequirementReviewed;
import cn.jiebang.events.RequirementSubmitted;
import cn.jiebang.messaging.IncomingEvent;
import cn.jiebang.notification.inbox.domain.NotificationKind;
import cn.jiebang.notification.notice.application.Notifier.Message;
import cn.jiebang.notification.notice.application.Notifier.Text;
import cn.jiebang.notification.recipient.domain.Recipients;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/** 需求征集: the program office hears of each submitted requirement, the submitter of the review's decision. */
@Singleton
public class RequirementReviews {

    private static final Set<String> DECISIONS = Set.of("APPROVED", "RETURNED", "REJECTED");

    private final Notifier notifier;
    private final Recipients recipients;

    RequirementReviews(Notifier notifier, Recipients recipients) {
        this.notifier = notifier;
        this.recipients = recipients;
    }

    @Transactional(propagation = MANDATORY)
    public void on(RequirementSubmitted e, IncomingEvent envelope) {
        notifier.tell(recipients.withRole("ADMIN"), NotificationKind.REQUIREMENT_SUBMITTED,
                Text.of("requirement-submitted", e.title(), e.technologyField(), e.region()),
                "/api/requirements/" + e.requirementId(), envelope.id());
    }

    @Transactional(propagation = MANDATORY)
    public void on(RequirementReviewed e, IncomingEvent envelope) {
        boolean commented = e.comment() != null && !e.comment().isBlank();
        Object decision = DECISIONS.contains(e.decision())
                ? Message.of("requirement-reviewed.decision." + e.decision()) : e.decision();
        Message title = Message.of("requirement-reviewed.title", e.title(), decision);
        notifier.tell(List.of(e.submittedBy()), NotificationKind.REQUIREMENT_REVIEWED, new Text(title, commented
                        ? Message.of("requirement-reviewed.body", e.title(), decision, e.comment())
                        : Message.of("requirement-reviewed.no-comment.body")),
                "/api/requirements/" + e.requirementId(), envelope.id());
    }
}
