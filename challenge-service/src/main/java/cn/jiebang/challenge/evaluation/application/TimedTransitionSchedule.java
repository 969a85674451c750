package cn.jiebang.challenge.evaluation.application;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.IntSupplier;

/**
 * Runs {@link TimedTransitions} every second in every instance; turned off with
 * {@code jiebang.timed-transitions.enabled=false}.
 */
@Singleton
@Requires(property = "jiebang.timed-transitions.enabled", notEquals = "false")
class TimedTransitionSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(TimedTransitionSchedule.class);

    private final TimedTransitions transitions;

    TimedTransitionSchedule(TimedTransitions transitions) {
        this.transitions = transitions;
    }

    @Scheduled(fixedDelay = "${jiebang.timed-transitions.interval:1s}",
            initialDelay = "${jiebang.timed-transitions.initial-delay:2s}")
    void runDue() {
        drain("closing due bidding", transitions::closeDueBidding);
        drain("opening due first rounds", transitions::openDueFirstRounds);
        drain("closing due rounds", transitions::closeDueRounds);
        drain("finalizing rounds after 公示", transitions::finalizeDueRounds);
        drain("opening due further rounds", transitions::openDueNextRounds);
    }

    private static void drain(String what, IntSupplier batch) {
        try {
            while (batch.getAsInt() == TimedTransitions.BATCH) {
                LOG.debug("{}: a full batch done, looking for more", what);
            }
        } catch (RuntimeException e) {
            LOG.warn("{} failed, will retry: {}", what, e.toString());
        }
    }
}
