package cn.jiebang.notification.delivery.application;

import cn.jiebang.notification.notice.application.DeadlineReminders;
import cn.jiebang.notification.notice.application.JudgeReminders;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the dispatcher and the deadline reminders in every instance; {@code jiebang.deliveries.enabled=false}
 * turns both off (an instance that only decides, e.g. in a test).
 */
@Singleton
@Requires(property = "jiebang.deliveries.enabled", notEquals = "false")
class DeliverySchedule {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySchedule.class);

    private final DeliveryDispatcher dispatcher;
    private final DeadlineReminders reminders;
    private final JudgeReminders judgeReminders;

    DeliverySchedule(DeliveryDispatcher dispatcher, DeadlineReminders reminders, JudgeReminders judgeReminders) {
        this.dispatcher = dispatcher;
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
        try {
            while (dispatcher.dispatchDue() == DeliveryDispatcher.BATCH) {
                LOG.debug("sent a full batch of deliveries, looking for more");
            }
        } catch (RuntimeException e) {
            LOG.warn("dispatching deliveries failed, will retry: {}", e.toString());
        }
    }
}
