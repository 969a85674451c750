package cn.jiebang.bid.domain;

import cn.jiebang.events.BidRevised;
import cn.jiebang.events.BidScreened;
import cn.jiebang.events.BidSubmitted;
import cn.jiebang.events.BidWithdrawn;
import cn.jiebang.events.DomainEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bid (揭榜申报) of a lead organization on a challenge. Its content is in its {@link BidVersion}s; the bid
 * holds where it stands and which version is current (the last one submitted before the deadline).
 */
@MappedEntity("bid")
public class Bid {

    @Id
    private String id;
    private String challengeId;
    private String leadOrganizationId;
    private String submittedBy;
    private BidStatus status;
    private int currentVersion;
    private String contentHash;
    @Nullable
    private String screeningReason;
    @Nullable
    private String screenedBy;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    public Bid() {
    }

    /** A version and the fact that produced it, to be saved and added to the outbox together. */
    public record Change(BidVersion version, DomainEvent event) {
    }

    /** Submits version 1. The caller has checked the window, the rules and the organization's cap. */
    public static Bid submit(BiddingChallenge challenge, String leadOrganizationId, String userId, BidContent content,
                             List<AttachmentRef> attachments, Instant now) {
        Bid bid = new Bid();
        bid.id = UUID.randomUUID().toString();
        bid.challengeId = challenge.challengeId();
        bid.leadOrganizationId = leadOrganizationId;
        bid.submittedBy = userId;
        bid.status = BidStatus.SUBMITTED;
        bid.currentVersion = 1;
        bid.contentHash = hashOf(challenge.challengeId(), leadOrganizationId, content, attachments);
        bid.createdAt = now;
        bid.updatedAt = now;
        return bid;
    }

    /** The first version and its event, right after {@link #submit}. */
    public Change firstVersion(BiddingChallenge challenge, BidContent content, List<AttachmentRef> attachments) {
        BidVersion first = new BidVersion(null, id, 1, content, attachments, contentHash, submittedBy, createdAt);
        return new Change(first, new BidSubmitted(challengeId, challenge.title(), id, 1, leadOrganizationId,
                content.memberOrganizationIds(), submittedBy, contentHash, createdAt));
    }

    /** A new version based on {@code baseVersion}, which must be the current one. */
    public Change revise(BiddingChallenge challenge, int baseVersion, String userId, BidContent content,
                         List<AttachmentRef> attachments, Instant now) {
        requireLive("revised");
        if (baseVersion != currentVersion) {
            throw new BidProblems.StaleVersion(id, baseVersion, currentVersion);
        }
        currentVersion++;
        contentHash = hashOf(challengeId, leadOrganizationId, content, attachments);
        updatedAt = now;
        BidVersion revised = new BidVersion(null, id, currentVersion, content, attachments, contentHash, userId, now);
        return new Change(revised, new BidRevised(challengeId, challenge.title(), id, currentVersion, leadOrganizationId,
                content.memberOrganizationIds(), userId, contentHash, now));
    }

    public BidWithdrawn withdraw(BiddingChallenge challenge, String userId, Instant now) {
        requireLive("withdrawn");
        status = BidStatus.WITHDRAWN;
        updatedAt = now;
        return new BidWithdrawn(challengeId, challenge.title(), id, leadOrganizationId, userId, now);
    }

    /** 形式审查: in or out with the reason the team will read; {@code by} is "system" for the automatic checks. */
    public BidScreened screen(BiddingChallenge challenge, boolean in, String reason, String by, boolean automatic,
                              Instant now) {
        requireLive("screened");
        status = in ? BidStatus.SCREENED_IN : BidStatus.SCREENED_OUT;
        screeningReason = reason;
        screenedBy = by;
        updatedAt = now;
        return new BidScreened(challengeId, challenge.title(), id, leadOrganizationId, submittedBy, status.name(), reason,
                automatic, by, now);
    }

    private void requireLive(String action) {
        if (status != BidStatus.SUBMITTED) {
            throw new BidProblems.WrongStatus(id, status, action);
        }
    }

    /** The SHA-256 of a version's canonical content ({@link CanonicalJson}): what the receipt certifies. */
    public static String hashOf(String challengeId, String leadOrganizationId, BidContent content,
                                List<AttachmentRef> attachments) {
        return CanonicalJson.sha256(document(challengeId, leadOrganizationId, content, attachments.stream()
                .<Object>map(a -> Map.of("attachmentId", a.attachmentId(), "fileName", a.fileName(),
                        "contentType", a.contentType(), "sizeBytes", a.sizeBytes(), "sha256", a.sha256())).toList()));
    }

    /**
     * The SHA-256 identifying a request, to tell a retry (same hash) from a different request reusing its
     * Idempotency-Key: the operation, what it acts on and the content as sent.
     */
    public static String requestHash(String operation, String target, String leadOrganizationId, BidContent content) {
        return CanonicalJson.sha256(Map.of("operation", operation, "target", target, "content",
                document(target, leadOrganizationId, content, List.copyOf(content.attachments()))));
    }

    private static Map<String, Object> document(String challengeId, String leadOrganizationId, BidContent content,
                                                List<Object> attachments) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("challengeId", challengeId);
        doc.put("leadOrganizationId", leadOrganizationId);
        doc.put("memberOrganizationIds", content.memberOrganizationIds());
        doc.put("teamLead", member(content.teamLead()));
        doc.put("coreMembers", content.coreMembers().stream().map(Bid::member).toList());
        doc.put("technicalApproach", content.technicalApproach());
        doc.put("milestones", content.milestones().stream().map(m -> Map.of("title", m.title(),
                "dueOn", m.dueOn().toString(), "deliverable", m.deliverable())).toList());
        doc.put("committedIndicators", content.committedIndicators().stream().map(c -> Map.of("name", c.name(),
                "value", c.value())).toList());
        doc.put("requestedBudget", content.requestedBudget());
        doc.put("attachments", attachments);
        return doc;
    }

    private static Map<String, Object> member(BidContent.TeamMember m) {
        return Map.of("name", m.name(), "title", m.title());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getChallengeId() {
        return challengeId;
    }

    public void setChallengeId(String challengeId) {
        this.challengeId = challengeId;
    }

    public String getLeadOrganizationId() {
        return leadOrganizationId;
    }

    public void setLeadOrganizationId(String leadOrganizationId) {
        this.leadOrganizationId = leadOrganizationId;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public void setSubmittedBy(String submittedBy) {
        this.submittedBy = submittedBy;
    }

    public BidStatus getStatus() {
        return status;
    }

    public void setStatus(BidStatus status) {
        this.status = status;
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public void setCurrentVersion(int currentVersion) {
        this.currentVersion = currentVersion;
    }

    public String getContentHash() {
        return contentHash;
    }

    public void setContentHash(String contentHash) {
        this.contentHash = contentHash;
    }

    @Nullable
    public String getScreeningReason() {
        return screeningReason;
    }

    public void setScreeningReason(@Nullable String screeningReason) {
        this.screeningReason = screeningReason;
    }

    @Nullable
    public String getScreenedBy() {
        return screenedBy;
    }

    public void setScreenedBy(@Nullable String screenedBy) {
        this.screenedBy = screenedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
