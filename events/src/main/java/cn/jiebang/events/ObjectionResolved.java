package cn.jiebang.events;

import java.time.Instant;

/** The program office upheld (results corrected and re-announced) or dismissed an objection, with its reason. */
public record ObjectionResolved(String challengeId, String title, int roundIndex, String objectionId,
                                String organizationId, String filedBy, String outcome, String resolution,
                                Instant resolvedAt) implements DomainEvent {

    public static final String TYPE = "objection.resolved.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
