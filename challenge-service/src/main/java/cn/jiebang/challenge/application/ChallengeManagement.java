package cn.jiebang.challenge.application;

import cn.jiebang.challenge.domain.Amendment;
import cn.jiebang.challenge.domain.Amendments;
import cn.jiebang.challenge.domain.Challenge;
import cn.jiebang.challenge.domain.Challenges;
import cn.jiebang.challenge.domain.TechnologyField;
import cn.jiebang.events.ChallengeAmended;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.messaging.Outbox;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/** The program office's use cases on challenges: each one transaction for the state and its event. */
@Singleton
public class ChallengeManagement {

    private final Challenges challenges;
    private final Amendments amendments;
    private final Outbox outbox;
    private final Clock clock;

    ChallengeManagement(Challenges challenges, Amendments amendments, Outbox outbox, Clock clock) {
        this.challenges = challenges;
        this.amendments = amendments;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record NewChallenge(String title, String problemStatement, TechnologyField technologyField,
                               BigDecimal totalBudget, Instant bidOpensAt, Instant bidClosesAt) {
    }

    @Transactional
    public Challenge create(NewChallenge c) {
        return challenges.save(Challenge.draft(c.title(), c.problemStatement(), c.technologyField(), c.totalBudget(),
                c.bidOpensAt(), c.bidClosesAt(), clock.instant()));
    }

    @Transactional
    public Challenge extendDeadline(String id, Instant newClosesAt, String reason) {
        Challenge challenge = challenges.require(id);
        return amended(challenge, challenge.extendDeadline(newClosesAt, reason, clock.instant()));
    }

    @Transactional
    public Challenge clarify(String id, String text) {
        Challenge challenge = challenges.require(id);
        return amended(challenge, challenge.clarify(text, clock.instant()));
    }

    @Transactional
    public Challenge cancel(String id, String reason) {
        Challenge challenge = challenges.require(id);
        challenge.cancel(reason, clock.instant()).ifPresent(outbox::add);
        return challenges.update(challenge);
    }

    private Challenge amended(Challenge challenge, ChallengeAmended amendment) {
        Challenge saved = challenges.update(challenge);
        amendments.save(Amendment.of(amendment));
        outbox.add(amendment);
        return saved;
    }

    @Transactional
    public Challenge publish(String id) {
        Challenge challenge = challenges.require(id);
        ChallengePublished published = challenge.publish(clock.instant());
        Challenge saved = challenges.update(challenge);
        outbox.add(published);
        return saved;
    }
}
