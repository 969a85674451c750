package cn.jiebang.challenge.domain;

public enum ChallengeStatus {
    DRAFT,
    PUBLISHED,
    CANCELLED
}
