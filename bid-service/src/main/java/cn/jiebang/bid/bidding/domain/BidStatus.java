package cn.jiebang.bid.bidding.domain;

public enum BidStatus {
    /** Live: submitted (and perhaps revised), awaiting screening after the deadline. */
    SUBMITTED,
    WITHDRAWN,
    SCREENED_IN,
    SCREENED_OUT
}
