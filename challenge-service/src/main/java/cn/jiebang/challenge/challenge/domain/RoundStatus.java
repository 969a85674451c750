package cn.jiebang.challenge.challenge.domain;

public enum RoundStatus {
    PENDING,
    OPEN,
    CLOSED,
    /** Results announced; the 公示 period runs and objections are accepted. */
    ANNOUNCED,
    FINALIZED
}
