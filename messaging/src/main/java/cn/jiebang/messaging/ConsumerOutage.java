package cn.jiebang.messaging;

/**
 * Thrown to micronaut-kafka when a record could not be processed for a reason outside it (see
 * {@link InboxListener}): its retry strategy seeks back to the record and redelivers it later.
 */
public class ConsumerOutage extends RuntimeException {

    ConsumerOutage(String message, Throwable cause) {
        super(message, cause);
    }

    private ConsumerOutage(String message) {
        super(message, null, false, false);
    }

    /** The group's next attempt is not due yet; no stack trace, as this happens on every redelivery. */
    static ConsumerOutage heldBack(String consumerGroup) {
        return new ConsumerOutage("consumer group " + consumerGroup + " waits for its next attempt after an outage");
    }
}
