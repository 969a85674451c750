package cn.jiebang.challenge.challenge.application;

import cn.jiebang.challenge.challenge.domain.Challenge;
import cn.jiebang.challenge.challenge.domain.Challenges;
import cn.jiebang.events.ScreeningCompleted;
import cn.jiebang.events.ScreeningStarted;
import cn.jiebang.messaging.Outbox;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * What bid-service's screening means for a challenge: the bid count it shows after the deadline, 流榜 when
 * there is no bid or none is screened in. Runs inside the inbox's transaction.
 */
@Singleton
public class ScreeningOutcomes {

    private final Challenges challenges;
    private final Outbox outbox;
    private final Clock clock;

    ScreeningOutcomes(Challenges challenges, Outbox outbox, Clock clock) {
        this.challenges = challenges;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(propagation = MANDATORY)
    public void on(ScreeningStarted event) {
        Challenge challenge = challenges.require(event.challengeId());
        challenge.screeningStarted(event.bidCount(), clock.instant()).ifPresent(outbox::add);
        challenges.update(challenge);
    }

    @Transactional(propagation = MANDATORY)
    public void on(ScreeningCompleted event) {
        Challenge challenge = challenges.require(event.challengeId());
        challenge.screeningCompleted(event.screenedIn(), event.completedAt(), clock.instant()).ifPresent(outbox::add);
        challenges.update(challenge);
    }
}
