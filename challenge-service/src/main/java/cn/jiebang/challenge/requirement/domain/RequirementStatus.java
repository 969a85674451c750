package cn.jiebang.challenge.requirement.domain;

public enum RequirementStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    /** Sent back for revision with comments; the agency edits and submits again. */
    RETURNED,
    REJECTED,
    /** A challenge uses it. */
    PUBLISHED
}
