package cn.jiebang.bid.judging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;

/** A round as bid-service runs it: its panel, the bids racing in it, open for scoring or closed. */
@MappedEntity("race_round")
public record RaceRound(@Id @GeneratedValue @Nullable Long id, String challengeId, int roundIndex, Status status,
                        @TypeDef(type = DataType.JSON) List<String> judgeIds,
                        @TypeDef(type = DataType.JSON) List<String> bidIds,
                        Instant openedAt, @Nullable Instant scoringCompletedAt, @Nullable Instant closedAt,
                        boolean forced, @Nullable Instant closesAt, @Nullable String kind,
                        @Nullable Instant announcedAt,
                        @Nullable @TypeDef(type = DataType.JSON) List<AnnouncedResult> announcedResults,
                        @Nullable @TypeDef(type = DataType.JSON) List<String> judgeOrganizationIds,
                        @Version @Nullable Long version) {

    /** A bid's result as challenge-service announced it (after any correction). */
    @io.micronaut.serde.annotation.Serdeable
    public record AnnouncedResult(String bidId, java.math.BigDecimal aggregate, int rank, String decision,
                                  boolean flagged) {
    }

    public enum Status { OPEN, CLOSED }

    public RaceRound scoringCompleted(Instant at) {
        return new RaceRound(id, challengeId, roundIndex, status, judgeIds, bidIds, openedAt, at, closedAt, forced,
                closesAt, kind, announcedAt, announcedResults, judgeOrganizationIds, version);
    }

    public RaceRound closed(boolean wasForced, Instant at) {
        return new RaceRound(id, challengeId, roundIndex, Status.CLOSED, judgeIds, bidIds, openedAt, scoringCompletedAt,
                at, wasForced, closesAt, kind, announcedAt, announcedResults, judgeOrganizationIds, version);
    }

    public RaceRound announced(List<AnnouncedResult> results, Instant at) {
        return new RaceRound(id, challengeId, roundIndex, status, judgeIds, bidIds, openedAt, scoringCompletedAt,
                closedAt, forced, closesAt, kind, at, List.copyOf(results), judgeOrganizationIds, version);
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }
}
