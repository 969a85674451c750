package cn.jiebang.challenge.application;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link BiddingCloser} every second in every instance; turned off with {@code jiebang.bidding-closer.enabled=false}. */
@Singleton
@Requires(property = "jiebang.bidding-closer.enabled", notEquals = "false")
class BiddingCloseSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(BiddingCloseSchedule.class);

    private final BiddingCloser closer;

    BiddingCloseSchedule(BiddingCloser closer) {
        this.closer = closer;
    }

    @Scheduled(fixedDelay = "${jiebang.bidding-closer.interval:1s}", initialDelay = "${jiebang.bidding-closer.initial-delay:2s}")
    void closeDue() {
        try {
            while (closer.closeDue() == BiddingCloser.BATCH) {
                LOG.debug("closed a full batch of challenges, looking for more");
            }
        } catch (RuntimeException e) {
            LOG.warn("closing due challenges failed, will retry: {}", e.toString());
        }
    }
}
