package cn.jiebang.notification.notice.application;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the due deadline and scoring reminders in every instance (each reminder is claimed once); they
 * are delivered like every other notification. Off with the dispatcher ({@code jiebang.deliveries.enabled=false}).
 */
@Singleton
@Requires(property = "jiebang.deliveries.enabled", notEquals = "false")
class ReminderSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderSchedule.class);

    private final DeadlineReminders reminders;
    private final JudgeReminders judgeReminders;

    ReminderSchedule(DeadlineReminders reminders, JudgeReminders judgeReminders) {
        this.reminders = reminders;
        this.judgeReminders = judgeReminders;
    }

    @Scheduled(fixedDelay = "${jiebang.deliveries.interval:500ms}", initialDelay = "${jiebang.deliveries.initial-delay:2s}")
    void run() {
        try {
            reminders.sendDue();
            judgeReminders.sendDue();
        } catch (RuntimeException e) {
            LOG.warn("reminders failed, will retry: {}", e.toString());
        }
    }
}
