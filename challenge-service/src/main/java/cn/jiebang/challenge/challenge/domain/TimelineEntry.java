package cn.jiebang.challenge.challenge.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One line of a challenge's public timeline: a fact that happened ({@code planned = false}: published, amended,
 * screened, a round opened, closed, announced (公示) and finalized, awarded, failed, cancelled) or a date of its
 * schedule ({@code planned = true}).
 */
@Serdeable
public record TimelineEntry(Instant at, String event, @Nullable String detail, boolean planned) {

    /** The timeline of a published challenge, oldest first; facts before plans at the same instant. */
    public static List<TimelineEntry> of(Challenge c, List<Round> rounds, List<Amendment> amendments) {
        List<TimelineEntry> entries = new ArrayList<>();
        if (c.getPublishedAt() != null) {
            entries.add(new TimelineEntry(c.getPublishedAt(), "PUBLISHED", null, false));
        }
        entries.add(new TimelineEntry(c.getBidOpensAt(), "BIDDING_OPENS", null, true));
        for (Amendment a : amendments) {
            String kind = "DEADLINE_EXTENDED".equals(a.kind()) ? "DEADLINE_EXTENDED" : "CLARIFIED";
            entries.add(new TimelineEntry(a.amendedAt(), kind, a.text(), false));
        }
        entries.add(new TimelineEntry(c.getBidClosesAt(), "BIDDING_CLOSES", null, true));
        if (c.getScreeningCompletedAt() != null) {
            entries.add(new TimelineEntry(c.getScreeningCompletedAt(), "SCREENING_COMPLETED",
                    c.getScreenedIn() + " bids screened in", false));
        }
        for (Round r : rounds) {
            String name = r.getRoundIndex() + " " + r.getName();
            entries.add(new TimelineEntry(r.getOpensAt(), "ROUND_OPENS", name, true));
            if (r.getOpenedAt() != null) {
                entries.add(new TimelineEntry(r.getOpenedAt(), "ROUND_OPENED", name, false));
            }
            entries.add(new TimelineEntry(r.getClosesAt(), "ROUND_CLOSES", name, true));
            if (r.getClosedAt() != null) {
                entries.add(new TimelineEntry(r.getClosedAt(), "ROUND_CLOSED", r.isForced() ? name + " (forced)" : name,
                        false));
            }
            if (r.getAnnouncedAt() != null) {
                entries.add(new TimelineEntry(r.getAnnouncedAt(), "RESULTS_ANNOUNCED", name + " · 公示至 "
                        + r.getPublicityEndsAt(), false));
            }
            if (r.getFinalizedAt() != null) {
                entries.add(new TimelineEntry(r.getFinalizedAt(), "ROUND_FINALIZED", name, false));
            }
        }
        if (c.getEndedAt() != null && c.getStatus() == ChallengeStatus.FAILED) {
            entries.add(new TimelineEntry(c.getEndedAt(), "FAILED", c.getFailureReason(), false));
        }
        if (c.getEndedAt() != null && c.getStatus() == ChallengeStatus.AWARDED) {
            entries.add(new TimelineEntry(c.getEndedAt(), "AWARDED", null, false));
        }
        if (c.getEndedAt() != null && c.getStatus() == ChallengeStatus.CANCELLED) {
            entries.add(new TimelineEntry(c.getEndedAt(), "CANCELLED", c.getCancellationReason(), false));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::planned));
        return entries;
    }
}
