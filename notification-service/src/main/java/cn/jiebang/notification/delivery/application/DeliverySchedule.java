package cn.jiebang.notification.delivery.application;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the dispatcher in every instance; {@code jiebang.deliveries.enabled=false} turns it off, with the
 * reminders ({@code ReminderSchedule}): an instance that only decides, e.g. in a test.
 */
@Singleton
@Requires(property = "jiebang.deliveries.enabled", notEquals = "false")
class DeliverySchedule {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySchedule.class);

    private final DeliveryDispatcher dispatcher;

    DeliverySchedule(DeliveryDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelay = "${jiebang.deliveries.interval:500ms}", initialDelay = "${jiebang.deliveries.initial-delay:2s}")
    void run() {
        try {
            while (dispatcher.dispatchDue() == DeliveryDispatcher.BATCH) {
                LOG.debug("sent a full batch of deliveries, looking for more");
            }
        } catch (RuntimeException e) {
            LOG.warn("dispatching deliveries failed, will retry: {}", e.toString());
        }
    }
}
