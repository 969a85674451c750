package cn.jiebang.notification.domain;

public enum NotificationKind {
    CHALLENGE_PUBLISHED,
    CHALLENGE_AMENDED,
    CHALLENGE_CANCELLED,
    REQUIREMENT_REVIEWED
}
