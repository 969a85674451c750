package cn.jiebang.challenge.challenge.domain;

public enum RoundKind {
    /** Judges score the bid itself (方案评审). */
    PROPOSAL_REVIEW,
    /** Judges score a deliverable the advancing teams upload for the round (中期比拼, 终期验收). */
    MILESTONE
}
