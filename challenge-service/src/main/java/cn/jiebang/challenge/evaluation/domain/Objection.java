package cn.jiebang.challenge.evaluation.domain;

import cn.jiebang.challenge.challenge.domain.Round;
import cn.jiebang.events.ObjectionFiled;
import cn.jiebang.events.ObjectionResolved;
import cn.jiebang.problem.DomainProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A team's written objection (异议) to a round's announced results, resolved by the program office. */
@Serdeable
@MappedEntity("objection")
public class Objection {

    public enum Status { OPEN, UPHELD, DISMISSED }

    @Id
    private final String id;
    private final String challengeId;
    private final int roundIndex;
    private final String organizationId;
    private final String filedBy;
    private final String reasons;
    private Status status;
    @Nullable
    private String resolution;
    private final Instant filedAt;
    @Nullable
    private Instant resolvedAt;
    @Version
    @Nullable
    private final Long version;

    /** Every column, for Micronaut Data and fixture builders (ADR 0021); a new objection is {@link #file}d. */
    public Objection(String id, String challengeId, int roundIndex, String organizationId, String filedBy,
                     String reasons, Status status, @Nullable String resolution, Instant filedAt,
                     @Nullable Instant resolvedAt, @Nullable Long version) {
        this.id = id;
        this.challengeId = challengeId;
        this.roundIndex = roundIndex;
        this.organizationId = organizationId;
        this.filedBy = filedBy;
        this.reasons = reasons;
        this.status = status;
        this.resolution = resolution;
        this.filedAt = filedAt;
        this.resolvedAt = resolvedAt;
        this.version = version;
    }

    /**
     * An organization objects to {@code round}'s results: only while they are announced (公示), only a team with a
     * bid in the round ({@code results}), and once per round ({@code filed}: the round's objections so far).
     */
    public static Objection file(Round round, List<RoundResult> results, List<Objection> filed, String organizationId,
                                 String filedBy, String reasons, Instant now) {
        if (!round.inPublicity(now)) {
            throw new Refused("publicity-over", "round " + round.getRoundIndex() + " is not in its 公示 period: "
                    + "objections are filed while its results are announced");
        }
        if (results.stream().noneMatch(r -> r.getLeadOrganizationId().equals(organizationId))) {
            throw new Refused("not-in-round", "only a team whose bid is in round " + round.getRoundIndex()
                    + " may object to its results");
        }
        if (filed.stream().anyMatch(o -> o.organizationId.equals(organizationId))) {
            throw new Refused("objection-exists", "your organization has filed its objection to round "
                    + round.getRoundIndex() + " already");
        }
        return new Objection(UUID.randomUUID().toString(), round.getChallengeId(), round.getRoundIndex(),
                organizationId, filedBy, reasons, Status.OPEN, null, now, null, null);
    }

    /** The fact that it was filed, for the challenge titled {@code title}. */
    public ObjectionFiled filed(String title) {
        return new ObjectionFiled(challengeId, title, roundIndex, id, organizationId, filedBy, filedAt);
    }

    /** Upheld, {@code why}: the caller corrects the results and announces them again. */
    public ObjectionResolved uphold(String title, String why, Instant now) {
        return resolve(Status.UPHELD, title, why, now);
    }

    public ObjectionResolved dismiss(String title, String why, Instant now) {
        return resolve(Status.DISMISSED, title, why, now);
    }

    private ObjectionResolved resolve(Status outcome, String title, String why, Instant now) {
        if (status != Status.OPEN) {
            throw new NotOpen(id, status);
        }
        status = outcome;
        resolution = why;
        resolvedAt = now;
        return new ObjectionResolved(challengeId, title, roundIndex, id, organizationId, filedBy, outcome.name(), why,
                now);
    }

    public static class Refused extends DomainProblem {
        Refused(String code, String detail) {
            super(Kind.CONFLICT, code, detail);
        }
    }

    public static class NotOpen extends DomainProblem {
        NotOpen(String id, Status status) {
            super(Kind.CONFLICT, "objection-resolved", "objection " + id + " is " + status + " already");
        }
    }

    public String getId() {
        return id;
    }

    public String getChallengeId() {
        return challengeId;
    }

    public int getRoundIndex() {
        return roundIndex;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getFiledBy() {
        return filedBy;
    }

    public String getReasons() {
        return reasons;
    }

    public Status getStatus() {
        return status;
    }

    @Nullable
    public String getResolution() {
        return resolution;
    }

    public Instant getFiledAt() {
        return filedAt;
    }

    @Nullable
    public Instant getResolvedAt() {
        return resolvedAt;
    }

    @Nullable
    public Long getVersion() {
        return version;
    }
}
