package cn.jiebang.notification.notice.domain;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A published challenge as notifications need it: whom it concerns and when bidding closes. */
@MappedEntity("watched_challenge")
public class WatchedChallenge {

    @Id
    private final String challengeId;
    private final String title;
    private final String technologyField;
    private final String region;
    private final String ownerOrganizationId;
    private Instant bidClosesAt;
    private boolean cancelled;

    /** Every column, for Micronaut Data and tests (ADR 0021); a challenge is watched once {@link #published}. */
    public WatchedChallenge(String challengeId, String title, String technologyField, String region,
                            String ownerOrganizationId, Instant bidClosesAt, boolean cancelled) {
        this.challengeId = challengeId;
        this.title = title;
        this.technologyField = technologyField;
        this.region = region;
        this.ownerOrganizationId = ownerOrganizationId;
        this.bidClosesAt = bidClosesAt;
        this.cancelled = cancelled;
    }

    public static WatchedChallenge published(String challengeId, String title, String technologyField, String region,
                                             String ownerOrganizationId, Instant bidClosesAt) {
        return new WatchedChallenge(challengeId, title, technologyField, region, ownerOrganizationId, bidClosesAt, false);
    }

    /** Its deadline was extended: reminders follow the new one. */
    public void extendDeadline(Instant newBidClosesAt) {
        bidClosesAt = newBidClosesAt;
    }

    /** Cancelled: no more deadline reminders. */
    public void cancel() {
        cancelled = true;
    }

    public String getChallengeId() {
        return challengeId;
    }

    public String getTitle() {
        return title;
    }

    public String getTechnologyField() {
        return technologyField;
    }

    public String getRegion() {
        return region;
    }

    public String getOwnerOrganizationId() {
        return ownerOrganizationId;
    }

    public Instant getBidClosesAt() {
        return bidClosesAt;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
