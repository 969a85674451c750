package cn.jiebang.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One state-changing request: who, what (method and route), on which object, when, and the answer's status. The
 * entry of a change is written with it, before the answer exists, and says 200 until the answer is known
 * ({@link AuditInTransaction}); {@code occurredAt} is then the change's commit.
 */
@Serdeable
@MappedEntity("audit_entry")
public record AuditEntry(
        @Id @GeneratedValue @Nullable Long id,
        String actor,
        @Nullable String actorOrganization,
        String action,
        @Nullable String objectId,
        int status,
        Instant occurredAt) {
}
