package cn.jiebang.notification.domain;

public enum NotificationKind {
    CHALLENGE_PUBLISHED,
    REQUIREMENT_REVIEWED
}
