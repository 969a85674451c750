package cn.jiebang.bid.bidding.domain;

import cn.jiebang.bid.challenge.domain.BiddingChallenge;
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
    private final String id;
    private final String challengeId;
    private final String leadOrganizationId;
    private final String submittedBy;
    private BidStatus status;
    private int currentVersion;
    private String contentHash;
    @Nullable
    private String screeningReason;
    @Nullable
    private String screenedBy;
    private final Instant createdAt;
    private Instant updatedAt;
    @Version
    @Nullable
    private final Long version;

    /** Every persisted property, as Micronaut Data reads a row; a new bid comes from {@link #submit}. */
    public Bid(String id, String challengeId, String leadOrganizationId, String submittedBy, BidStatus status,
               int currentVersion, String contentHash, @Nullable String screeningReason, @Nullable String screenedBy,
               Instant createdAt, Instant updatedAt, @Nullable Long version) {
        this.id = id;
        this.challengeId = challengeId;
        this.leadOrganizationId = leadOrganizationId;
        this.submittedBy = submittedBy;
        this.status = status;
        this.currentVersion = currentVersion;
        this.contentHash = contentHash;
        this.screeningReason = screeningReason;
        this.screenedBy = screenedBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** A version and the fact that produced it, to be saved and added to the outbox together. */
    public record Change(BidVersion version, DomainEvent event) {
    }

    /** Submits version 1. The caller has checked the window, the rules and the organization's cap. */
    public static Bid submit(BiddingChallenge challenge, String leadOrganizationId, String userId, BidContent content,
                             List<AttachmentRef> attachments, Instant now) {
        return new Bid(UUID.randomUUID().toString(), challenge.getChallengeId(), leadOrganizationId, userId,
                BidStatus.SUBMITTED, 1, hashOf(challenge.getChallengeId(), leadOrganizationId, content, attachments), null,
                null, now, now, null);
    }

    /** The first version and its event, right after {@link #submit}. */
    public Change firstVersion(BiddingChallenge challenge, BidContent content, List<AttachmentRef> attachments) {
        BidVersion first = new BidVersion(null, id, 1, content, attachments, contentHash, submittedBy, createdAt);
        return new Change(first, new BidSubmitted(challengeId, challenge.getTitle(), id, 1, leadOrganizationId,
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
        return new Change(revised, new BidRevised(challengeId, challenge.getTitle(), id, currentVersion, leadOrganizationId,
                content.memberOrganizationIds(), userId, contentHash, now));
    }

    public BidWithdrawn withdraw(BiddingChallenge challenge, String userId, Instant now) {
        requireLive("withdrawn");
        status = BidStatus.WITHDRAWN;
        updatedAt = now;
        return new BidWithdrawn(challengeId, challenge.getTitle(), id, leadOrganizationId, userId, now);
    }

    /** 形式审查: in or out with the reason the team will read; {@code by} is "system" for the automatic checks. */
    public BidScreened screen(BiddingChallenge challenge, boolean in, String reason, String by, boolean automatic,
                              Instant now) {
        requireLive("screened");
        status = in ? BidStatus.SCREENED_IN : BidStatus.SCREENED_OUT;
        screeningReason = reason;
        screenedBy = by;
        updatedAt = now;
        return new BidScreened(challengeId, challenge.getTitle(), id, leadOrganizationId, submittedBy, status.name(), reason,
                automatic, by, now);
    }

    /** Whether the organization leads this bid: its TEAM users read, revise and withdraw it, and nobody else. */
    public boolean isLedBy(@Nullable String organizationId) {
        return leadOrganizationId.equals(organizationId);
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

    public String getChallengeId() {
        return challengeId;
    }

    public String getLeadOrganizationId() {
        return leadOrganizationId;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public BidStatus getStatus() {
        return status;
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public String getContentHash() {
        return contentHash;
    }

    @Nullable
    public String getScreeningReason() {
        return screeningReason;
    }

    @Nullable
    public String getScreenedBy() {
        return screenedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Nullable
    public Long getVersion() {
        return version;
    }
}
