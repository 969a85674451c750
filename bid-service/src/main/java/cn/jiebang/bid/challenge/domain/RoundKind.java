package cn.jiebang.bid.challenge.domain;

import io.micronaut.core.annotation.Nullable;

/**
 * What a round's judges score, as challenge-service publishes it (its own {@code RoundKind}, by name: services
 * share no domain code).
 */
public enum RoundKind {
    /** Judges score the bid itself (方案评审). */
    PROPOSAL_REVIEW,
    /** Judges score what the team racing in it delivered for the round (中期比拼, 终期验收). */
    MILESTONE;

    /** The kind an event names; none for a round from before kinds were kept. */
    @Nullable
    public static RoundKind of(@Nullable String name) {
        return name == null ? null : valueOf(name);
    }

    /** Whether a round of this kind takes a deliverable from each team, which its judges then score. */
    public static boolean takesDeliverables(@Nullable RoundKind kind) {
        return kind == MILESTONE;
    }
}
