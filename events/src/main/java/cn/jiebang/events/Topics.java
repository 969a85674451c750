package cn.jiebang.events;

/** Kafka topic names. Written by hand: renaming a class must never move an event to another topic. */
public final class Topics {

    public static final String ACCOUNT_EVENTS = "account.events";
    public static final String CHALLENGE_EVENTS = "challenge.events";
    public static final String BID_EVENTS = "bid.events";

    private Topics() {
    }

    /** The dead-letter topic of one consumer group: messages it could not process after bounded retries. */
    public static String deadLetter(String consumerGroup) {
        return consumerGroup + ".dlt";
    }
}
