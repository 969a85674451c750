package cn.jiebang.challenge.account.domain;

public enum OrganizationStatus {
    /** Applied to register; its users cannot sign in until the program office approves it. */
    PENDING,
    ACTIVE,
    REJECTED
}
