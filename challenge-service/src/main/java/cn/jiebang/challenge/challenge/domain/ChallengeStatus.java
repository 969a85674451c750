package cn.jiebang.challenge.challenge.domain;

public enum ChallengeStatus {
    DRAFT,
    /** Bidding is open. */
    PUBLISHED,
    /** The bid window closed; bids are screened (形式审查). */
    SCREENING,
    /** Round 1 opened: judges score, rounds eliminate. */
    IN_EVALUATION,
    AWARDED,
    /** 流榜: no bid, none screened in, or nobody passed. */
    FAILED,
    CANCELLED
}
