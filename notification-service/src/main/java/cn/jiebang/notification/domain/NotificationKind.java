package cn.jiebang.notification.domain;

public enum NotificationKind {
    CHALLENGE_PUBLISHED,
    CHALLENGE_AMENDED,
    CHALLENGE_CANCELLED,
    REQUIREMENT_REVIEWED,
    BID_RECEIPT,
    BID_WITHDRAWN,
    BID_SCREENED,
    BIDS_RECEIVED
}
