package cn.jiebang.challenge.domain;

public enum ChallengeStatus {
    DRAFT,
    PUBLISHED,
    /** The bid window closed; bids are screened (形式审查) before round 1. */
    SCREENING,
    CANCELLED
}
