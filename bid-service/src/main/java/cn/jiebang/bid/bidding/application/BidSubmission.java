package cn.jiebang.bid.bidding.application;

import cn.jiebang.bid.account.domain.KnownOrganization;
import cn.jiebang.bid.account.domain.KnownOrganizations;
import cn.jiebang.bid.bidding.domain.Attachment;
import cn.jiebang.bid.bidding.domain.AttachmentRef;
import cn.jiebang.bid.bidding.domain.Attachments;
import cn.jiebang.bid.bidding.domain.Bid;
import cn.jiebang.bid.bidding.domain.BidContent;
import cn.jiebang.bid.bidding.domain.BidProblems;
import cn.jiebang.bid.bidding.domain.BidRules;
import cn.jiebang.bid.bidding.domain.BidStatus;
import cn.jiebang.bid.bidding.domain.BidVersion;
import cn.jiebang.bid.bidding.domain.BidVersions;
import cn.jiebang.bid.bidding.domain.Bids;
import cn.jiebang.bid.bidding.domain.IdempotencyRecord;
import cn.jiebang.bid.bidding.domain.IdempotencyRecords;
import cn.jiebang.bid.challenge.domain.BiddingChallenge;
import cn.jiebang.bid.challenge.domain.BiddingChallenges;
import cn.jiebang.messaging.Outbox;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submitting, revising and withdrawing bids. Each runs in one READ COMMITTED transaction that first locks
 * the challenge's row, so the bids of one challenge are taken one at a time: a retried request then finds
 * the first one's idempotency record, an organization's cap is counted without a race, and the clock is
 * read only once the lock is held (so nothing is accepted after the close has begun).
 */
@Singleton
public class BidSubmission {

    private final BiddingChallenges challenges;
    private final Bids bids;
    private final BidVersions versions;
    private final IdempotencyRecords idempotency;
    private final KnownOrganizations organizations;
    private final Attachments attachments;
    private final Outbox outbox;
    private final Clock clock;

    BidSubmission(BiddingChallenges challenges, Bids bids, BidVersions versions, IdempotencyRecords idempotency,
                  KnownOrganizations organizations, Attachments attachments, Outbox outbox, Clock clock) {
        this.challenges = challenges;
        this.bids = bids;
        this.versions = versions;
        this.idempotency = idempotency;
        this.organizations = organizations;
        this.attachments = attachments;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Who acts: the user (token subject) and the organization it belongs to. */
    public record Caller(String userId, String organizationId) {
    }

    /** What the team keeps as proof: which bid, which version, when by the server's clock, and the content's hash. */
    @Serdeable
    public record Receipt(String bidId, String challengeId, int version, Instant serverTime, String contentHash,
                          boolean replayed) {

        static Receipt of(BidVersion v, String challengeId, boolean replayed) {
            return new Receipt(v.bidId(), challengeId, v.versionNo(), v.submittedAt(), v.contentHash(), replayed);
        }
    }

    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Receipt submit(Caller caller, String challengeId, @Nullable String idempotencyKey, BidContent content) {
        BiddingChallenge challenge = challenges.lock(challengeId);
        String requestHash = Bid.requestHash("submit", challengeId, caller.organizationId(), content);
        Optional<Receipt> replay = replay(caller, idempotencyKey, requestHash, challengeId);
        if (replay.isPresent()) {
            return replay.get();
        }
        Instant now = now();
        if (!challenge.isOpenAt(now)) {
            throw new BidProblems.BidWindowClosed(challenge, now);
        }
        List<AttachmentRef> attached = check(challenge, caller, content);
        int cap = challenge.getEligibility().bidsPerOrganization();
        long live = bids.countByChallengeIdAndLeadOrganizationIdAndStatusNotEqual(challengeId, caller.organizationId(),
                BidStatus.WITHDRAWN);
        if (live >= cap) {
            throw cap == 1 ? new BidProblems.DuplicateBid(challengeId, caller.organizationId())
                    : new BidProblems.BidCapReached(challengeId, caller.organizationId(), cap);
        }
        Bid bid = bids.save(Bid.submit(challenge, caller.organizationId(), caller.userId(), content, attached, now));
        return record(bid.firstVersion(challenge, content, attached), caller, idempotencyKey, requestHash, challengeId);
    }

    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Receipt revise(Caller caller, String bidId, int baseVersion, @Nullable String idempotencyKey,
                          BidContent content) {
        Bid bid = bids.requireLedBy(bidId, caller.organizationId());
        BiddingChallenge challenge = challenges.lock(bid.getChallengeId());
        String requestHash = Bid.requestHash("revise:" + baseVersion, bidId, caller.organizationId(), content);
        Optional<Receipt> replay = replay(caller, idempotencyKey, requestHash, bid.getChallengeId());
        if (replay.isPresent()) {
            return replay.get();
        }
        Instant now = now();
        if (!challenge.isOpenAt(now)) {
            throw new BidProblems.BidWindowClosed(challenge, now);
        }
        bid = bids.require(bidId);
        List<AttachmentRef> attached = check(challenge, caller, content);
        Bid.Change change = bid.revise(challenge, baseVersion, caller.userId(), content, attached, now);
        bids.update(bid);
        return record(change, caller, idempotencyKey, requestHash, bid.getChallengeId());
    }

    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public Bid withdraw(Caller caller, String bidId) {
        Bid bid = bids.requireLedBy(bidId, caller.organizationId());
        BiddingChallenge challenge = challenges.lock(bid.getChallengeId());
        Instant now = now();
        if (!challenge.isOpenAt(now)) {
            throw new BidProblems.BidWindowClosed(challenge, now);
        }
        bid = bids.require(bidId);
        outbox.add(bid.withdraw(challenge, caller.userId(), now));
        return bids.update(bid);
    }

    /** The server's time as the database keeps it (microseconds), so a replayed receipt shows the same instant. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Optional<Receipt> replay(Caller caller, @Nullable String key, String requestHash, String challengeId) {
        if (key == null) {
            return Optional.empty();
        }
        return idempotency.findByUserIdAndIdempotencyKey(caller.userId(), key).map(first -> {
            if (!first.requestHash().equals(requestHash)) {
                throw new BidProblems.IdempotencyKeyReused(key);
            }
            BidVersion version = versions.findByBidIdAndVersionNo(first.bidId(), first.versionNo()).orElseThrow();
            return Receipt.of(version, challengeId, true);
        });
    }

    private Receipt record(Bid.Change change, Caller caller, @Nullable String key, String requestHash,
                           String challengeId) {
        BidVersion saved = versions.save(change.version());
        outbox.add(change.event());
        if (key != null) {
            idempotency.save(new IdempotencyRecord(null, caller.userId(), key, requestHash, saved.bidId(),
                    saved.versionNo(), saved.submittedAt()));
        }
        return Receipt.of(saved, challengeId, false);
    }

    /** The rules of {@link BidRules} and the attachments; returns the attachments as the version records them. */
    private List<AttachmentRef> check(BiddingChallenge challenge, Caller caller, BidContent content) {
        KnownOrganization lead = organizations.findById(caller.organizationId())
                .orElseThrow(() -> new BidProblems.OrganizationNotKnown(caller.organizationId()));
        Map<String, KnownOrganization> members = new HashMap<>();
        for (String member : content.memberOrganizationIds()) {
            organizations.findById(member).ifPresent(o -> members.put(member, o));
        }
        List<FieldProblem> problems = new ArrayList<>(BidRules.problems(challenge, lead, members, content));
        List<AttachmentRef> attached = new ArrayList<>();
        List<String> ids = content.attachments();
        for (int i = 0; i < ids.size(); i++) {
            Optional<Attachment> attachment = attachments.findById(ids.get(i));
            if (attachment.isEmpty() || !attachment.get().isOf(caller.organizationId(), challenge.getChallengeId())) {
                problems.add(new FieldProblem("attachmentIds[" + i + "]", "is not a file your organization uploaded "
                        + "for this challenge"));
            } else if (ids.subList(0, i).contains(ids.get(i))) {
                problems.add(new FieldProblem("attachmentIds[" + i + "]", "is attached twice"));
            } else {
                attached.add(attachment.get().ref());
            }
        }
        if (!problems.isEmpty()) {
            throw new BidProblems.InvalidBid(problems);
        }
        return attached;
    }
}
