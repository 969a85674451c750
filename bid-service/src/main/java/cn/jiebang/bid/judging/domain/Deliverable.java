package cn.jiebang.bid.judging.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What a team racing in a MILESTONE round delivers for it: replaced by each new delivery until a judge opens
 * the bid, then scored.
 */
@MappedEntity("deliverable")
public class Deliverable {

    @Id
    @GeneratedValue
    @Nullable
    private final Long id;
    private final String bidId;
    private final int roundIndex;
    private String summary;
    @TypeDef(type = DataType.JSON)
    private List<String> attachmentIds;
    private String submittedBy;
    private Instant submittedAt;
    @Version
    @Nullable
    private final Long version;

    /** Every persisted property, as Micronaut Data reads a row; a first delivery comes from {@link #first}. */
    public Deliverable(@Nullable Long id, String bidId, int roundIndex, String summary, List<String> attachmentIds,
                       String submittedBy, Instant submittedAt, @Nullable Long version) {
        this.id = id;
        this.bidId = bidId;
        this.roundIndex = roundIndex;
        this.summary = summary;
        this.attachmentIds = attachmentIds;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.version = version;
    }

    public static Deliverable first(String bidId, int roundIndex, String summary, List<String> attachmentIds,
                                    String submittedBy, Instant now) {
        return new Deliverable(null, bidId, roundIndex, summary, List.copyOf(attachmentIds), submittedBy, now, null);
    }

    /**
     * A deliverable changes until a judge assigned the bid has opened it: from then on it is under review. Checked
     * before a first delivery too.
     */
    public static void requireNotUnderReview(String bidId, int roundIndex, Collection<Assignment> assignmentsOfRound) {
        if (assignmentsOfRound.stream().anyMatch(a -> a.getBidId().equals(bidId) && a.isUnderReview())) {
            throw new JudgingProblems.UnderReview(bidId, roundIndex);
        }
    }

    /** A new delivery replaces the one before, once {@link #requireNotUnderReview checked}. */
    public void replace(String summary, List<String> attachmentIds, String submittedBy, Instant now) {
        this.summary = summary;
        this.attachmentIds = List.copyOf(attachmentIds);
        this.submittedBy = submittedBy;
        this.submittedAt = now;
    }

    @Nullable
    public Long getId() {
        return id;
    }

    public String getBidId() {
        return bidId;
    }

    public int getRoundIndex() {
        return roundIndex;
    }

    public String getSummary() {
        return summary;
    }

    public List<String> getAttachmentIds() {
        return attachmentIds;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    @Nullable
    public Long getVersion() {
        return version;
    }
}
