package cn.jiebang.challenge.account.domain;

/** What a user may do on the platform; the names are the JWT {@code roles} claim. */
public enum Role {
    /** The program office: manages accounts, challenges and rounds. */
    ADMIN,
    /** Posts requirements and owns challenges. */
    AGENCY,
    /** Bids on challenges. */
    TEAM,
    /** An expert who scores bids. */
    JUDGE
}
