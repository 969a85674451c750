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
        run("closing due bidding", transitions::closeDueBidding);
        run("opening due first rounds", transitions::openDueFirstRounds);
        run("closing due rounds", transitions::closeDueRounds);
        run("finalizing rounds after 公示", transitions::finalizeDueRounds);
        run("opening due further rounds", transitions::openDueNextRounds);
    }

    /** A failed row is {@link cn.jiebang.messaging.DueRows}' to handle; what arrives here is a claim that failed. */
    private static void run(String what, IntSupplier job) {
        try {
            job.getAsInt();
        } catch (RuntimeException e) {
            LOG.warn("{} failed, will retry: {}", what, e.toString());
        }
    }
}
