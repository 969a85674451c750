package cn.jiebang.challenge.domain;

import cn.jiebang.problem.DomainProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A team's written objection (异议) to a round's announced results, resolved by the program office. */
@Serdeable
@MappedEntity("objection")
public record Objection(@Id String id, String challengeId, int roundIndex, String organizationId, String filedBy,
                        String reasons, Status status, @Nullable String resolution, Instant filedAt,
                        @Nullable Instant resolvedAt, @Version @Nullable Long version) {

    public enum Status { OPEN, UPHELD, DISMISSED }

    public static Objection file(String challengeId, int roundIndex, String organizationId, String filedBy,
                                 String reasons, Instant now) {
        return new Objection(UUID.randomUUID().toString(), challengeId, roundIndex, organizationId, filedBy, reasons,
                Status.OPEN, null, now, null, null);
    }

    public Objection resolve(boolean upheld, String why, Instant now) {
        if (status != Status.OPEN) {
            throw new NotOpen(id, status);
        }
        return new Objection(id, challengeId, roundIndex, organizationId, filedBy, reasons,
                upheld ? Status.UPHELD : Status.DISMISSED, why, filedAt, now, version);
    }

    public static class NotOpen extends DomainProblem {
        NotOpen(String id, Status status) {
            super(Kind.CONFLICT, "objection-resolved", "objection " + id + " is " + status + " already");
        }
    }
}
