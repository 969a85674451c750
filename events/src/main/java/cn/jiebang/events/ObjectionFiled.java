package cn.jiebang.events;

import java.time.Instant;

/** A team in an announced round filed a written objection (异议) during its 公示 period. */
public record ObjectionFiled(String challengeId, String title, int roundIndex, String objectionId,
                             String organizationId, String filedBy, Instant filedAt) implements DomainEvent {

    public static final String TYPE = "objection.filed.v1";

    @Override
    public String aggregateId() {
        return challengeId;
    }
}
