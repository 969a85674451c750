package cn.jiebang.events;

/**
 * A fact one service publishes for the others. Implementations are records whose components are
 * the JSON payload; the type string and topic come from {@link EventCatalog}, never from the class name.
 */
public interface DomainEvent {

    /** The id of the aggregate the event is about; it is the Kafka key, so one aggregate's events stay in order. */
    String aggregateId();
}
