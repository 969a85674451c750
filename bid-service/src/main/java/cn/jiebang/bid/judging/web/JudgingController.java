package cn.jiebang.bid.judging.web;

import cn.jiebang.bid.bidding.domain.AttachmentRef;
import cn.jiebang.bid.bidding.domain.BidContent;
import cn.jiebang.bid.bidding.domain.BidVersion;
import cn.jiebang.bid.judging.application.Judging;
import cn.jiebang.bid.judging.application.JudgingQueries;
import cn.jiebang.bid.judging.application.MilestoneDeliveries;
import cn.jiebang.bid.judging.domain.Assignment;
import cn.jiebang.bid.judging.domain.Deliverable;
import cn.jiebang.bid.judging.domain.ScoreSheet;
import cn.jiebang.bid.judging.domain.TeamResult;
import cn.jiebang.bid.ranking.domain.Ranking;
import cn.jiebang.web.Callers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Judging (评审). A judge (JUDGE) sees only its own assignments and scores; opens a bid (without the team's
 * identity in a blind round), declares a conflict (回避) before opening it, or scores it. The program office
 * (ADMIN) recomputes a closed round's ranking from the stored scores at any time.
 */
@Tag(name = "judging")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class JudgingController {

    private final Judging judging;
    private final JudgingQueries queries;
    private final MilestoneDeliveries deliveries;

    JudgingController(Judging judging, JudgingQueries queries, MilestoneDeliveries deliveries) {
        this.judging = judging;
        this.queries = queries;
        this.deliveries = deliveries;
    }

    @Serdeable
    record AssignmentView(String id, String challengeId, int roundIndex, @Nullable String bidId, Assignment.Status status,
                          @Nullable Instant viewedAt, @Nullable Map<String, Assignment.Score> scores,
                          @Nullable Instant scoredAt) {

        /** In a blind round the bid id is left out too: public results of earlier rounds map it to the team. */
        static AssignmentView of(Assignment a, boolean blind) {
            return new AssignmentView(a.getId(), a.getChallengeId(), a.getRoundIndex(), blind ? null : a.getBidId(),
                    a.getStatus(), a.getViewedAt(), a.getScores(), a.getScoredAt());
        }
    }

    /** A bid as its judge sees it; in a blind round the organizations and people are left out. */
    @Serdeable
    record BidForJudge(@Nullable String bidId, int version, boolean blind, @Nullable String leadOrganizationId,
                       @Nullable List<String> memberOrganizationIds, @Nullable BidContent.TeamMember teamLead,
                       @Nullable List<BidContent.TeamMember> coreMembers, String technicalApproach,
                       List<BidContent.Milestone> milestones, List<BidContent.CommittedIndicator> committedIndicators,
                       BigDecimal requestedBudget, List<AttachmentRef> attachments,
                       @Nullable DeliverableView deliverable) {
    }

    /** What was delivered for a MILESTONE round, without who submitted it. */
    @Serdeable
    record DeliverableView(String summary, List<String> attachmentIds, Instant submittedAt) {

        static DeliverableView of(Deliverable d) {
            return new DeliverableView(d.getSummary(), d.getAttachmentIds(), d.getSubmittedAt());
        }
    }

    /** A deliverable as its team sees it, once delivered. */
    @Serdeable
    record DeliveredView(Long id, String bidId, int roundIndex, String summary, List<String> attachmentIds,
                         String submittedBy, Instant submittedAt, Long version) {

        static DeliveredView of(Deliverable d) {
            return new DeliveredView(d.getId(), d.getBidId(), d.getRoundIndex(), d.getSummary(), d.getAttachmentIds(),
                    d.getSubmittedBy(), d.getSubmittedAt(), d.getVersion());
        }
    }

    @Serdeable
    record DeliverableRequest(@NotBlank @Size(max = 50000) String summary,
                              @NotNull @Size(max = 20) List<@NotBlank @Size(max = 36) String> attachmentIds) {
    }

    @Serdeable
    record ScoreLine(@NotBlank @Size(max = 30) String criterion,
                     @NotNull @DecimalMin("0") @Digits(integer = 4, fraction = 2) BigDecimal score,
                     @NotBlank @Size(max = 2000) String comment) {
    }

    @Serdeable
    record ScoreSheetBody(@NotEmpty @Size(max = 20) List<@Valid @NotNull ScoreLine> scores) {
    }

    @Serdeable
    record ConflictDeclaration(@NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "The caller's assignments with its own scores (JUDGE)",
            description = "Who may call: JUDGE.\n\nThe caller's assignments, all challenges, oldest first, "
            + "withdrawn ones included: each `{id, challengeId, roundIndex, bidId, status (ACTIVE, WITHDRAWN), "
            + "viewedAt, scores, scoredAt}`, `bidId` `null` in a blind round, `scores` the caller's own "
            + "(`{<criterion code>: {score, comment}}`).")
    @Secured("JUDGE")
    @Get("/judging/assignments")
    List<AssignmentView> mine(Authentication caller) {
        return queries.assignmentsOf(caller.getName()).stream().map(a -> AssignmentView.of(a, queries.isBlind(a)))
                .toList();
    }

    @Operation(summary = "Open an assigned bid (JUDGE): its last version, without team identity in a blind round; "
            + "after this a conflict can no longer be declared",
            description = "Who may call: JUDGE, its judge.\n\nOpens the bid: `{bidId, version, blind, "
            + "leadOrganizationId, memberOrganizationIds, teamLead, coreMembers, technicalApproach, milestones, "
            + "committedIndicators, requestedBudget, attachments, deliverable}`, `bidId` and the team's identity "
            + "`null` in a blind round, `deliverable` (`{summary, attachmentIds, submittedAt}`) only in a "
            + "`MILESTONE` round. **404** `assignment-not-found`. **409** `assignment-withdrawn`, "
            + "`round-not-open`, `no-deliverable-yet` (a `MILESTONE` round the team has not delivered for).")
    @Secured("JUDGE")
    @Get("/judging/assignments/{id}/bid")
    BidForJudge bid(@PathVariable String id, Authentication caller) {
        Assignment assignment = queries.own(caller.getName(), id);
        boolean blind = queries.isBlind(assignment);
        judging.open(caller.getName(), id);
        JudgingQueries.AssignedBid assigned = queries.assignedBid(assignment);
        BidVersion v = assigned.current();
        BidContent c = v.content();
        DeliverableView deliverable = assigned.deliverable() == null ? null : DeliverableView.of(assigned.deliverable());
        return new BidForJudge(blind ? null : v.bidId(), v.versionNo(), blind,
                blind ? null : assigned.bid().getLeadOrganizationId(), blind ? null : c.memberOrganizationIds(),
                blind ? null : c.teamLead(), blind ? null : c.coreMembers(), c.technicalApproach(), c.milestones(),
                c.committedIndicators(), c.requestedBudget(), v.attachments(), deliverable);
    }

    @Operation(summary = "Declare a conflict of interest (回避) on an assigned bid before opening it (JUDGE): the "
            + "assignment is withdrawn and the bid goes to another eligible judge of the panel",
            description = "Who may call: JUDGE, its judge.\n\n回避: `{reason}`, before opening the bid. **200** and "
            + "the assignment (`WITHDRAWN`); `judges.assigned.v1` (`CONFLICT`). **404** `assignment-not-found`. "
            + "**409** `conflict-after-viewing`, `assignment-withdrawn`, `round-not-open`.\n\nBody: `reason` "
            + "required, ≤ 2000 characters.")
    @Secured("JUDGE")
    @Post("/judging/assignments/{id}/conflict")
    AssignmentView conflict(@PathVariable String id, @Body @Valid ConflictDeclaration declaration, Authentication caller) {
        Assignment withdrawn = judging.declareConflict(caller.getName(), id, declaration.reason().strip());
        return AssignmentView.of(withdrawn, queries.isBlind(withdrawn));
    }

    @Operation(summary = "Score every criterion of an assigned bid, 0..max with a comment (JUDGE); revisable until "
            + "the round closes, read by nobody else before",
            description = "Who may call: JUDGE, its judge.\n\n`{scores}`, every criterion of the round. "
            + "**200** and the assignment with its scores; `assignment.scored.v1` the first time, "
            + "`scoring.completed.v1` with the score that completes the round. **404** `assignment-not-found`. "
            + "**409** `assignment-withdrawn`, `round-not-open` (also once the challenge was cancelled), "
            + "`no-deliverable-yet`. **422** `invalid-scores` (also a criterion named twice).\n\nBody: `scores`, "
            + "1–20, each `{criterion (≤ 30 characters, a criterion code), score (≥ 0, 4 integer digits and 2 "
            + "decimal places), comment (required, ≤ 2000 characters)}`.")
    @Secured("JUDGE")
    @Put("/judging/assignments/{id}/scores")
    AssignmentView score(@PathVariable String id, @Body @Valid ScoreSheetBody sheet, Authentication caller) {
        ScoreSheet scores = ScoreSheet.of(sheet.scores().stream().map(line -> new ScoreSheet.Line(line.criterion(),
                line.score(), line.comment().strip())).toList());
        Assignment scored = judging.score(caller.getName(), id, scores);
        return AssignmentView.of(scored, queries.isBlind(scored));
    }

    @Operation(summary = "The team's own result in an announced round (TEAM, its organization's bid): aggregate, rank, "
            + "decision and the mean score per criterion, no judge named",
            description = "Who may call: TEAM, its team.\n\nThe bid's own result in an announced round: `{bidId, "
            + "roundIndex, aggregate, rank, decision, flagged, judges, meanScoreByCriterion}`, no judge named. "
            + "**404** `bid-not-found`. **409** `results-not-announced`.")
    @Secured("TEAM")
    @Get("/bids/{id}/rounds/{index}/result")
    TeamResult result(@PathVariable String id, @PathVariable int index, Authentication caller) {
        return queries.resultOf(Callers.organizationOf(caller), id, index);
    }

    @Operation(summary = "Deliver for a MILESTONE round the bid races in (TEAM, its organization's), until the round "
            + "closes: a summary and uploaded files; judges score it",
            description = "Who may call: TEAM, its team.\n\n`{summary, attachmentIds}` for an open `MILESTONE` "
            + "round the bid races in, before its `closesAt`; replaces an earlier one until a judge has opened the "
            + "bid. **200** and the deliverable `{id, bidId, roundIndex, summary, attachmentIds, submittedBy, "
            + "submittedAt, version}`; no event. **404** `bid-not-found`. **409** `no-open-milestone`, "
            + "`deliverable-under-review`. **422** `invalid-deliverable` (field `attachmentIds`) for a file its "
            + "organization did not upload for the challenge.\n\nBody: `summary` required, ≤ 50 000 characters; "
            + "`attachmentIds`, 0–20 ids of files uploaded for the challenge.")
    @Secured("TEAM")
    @Put("/bids/{id}/rounds/{index}/deliverable")
    DeliveredView deliver(@PathVariable String id, @PathVariable int index, @Body @Valid DeliverableRequest request,
                          Authentication caller) {
        return DeliveredView.of(deliveries.deliver(Callers.organizationOf(caller), caller.getName(), id, index,
                request.summary().strip(), request.attachmentIds()));
    }

    @Operation(summary = "Recompute a closed round's ranking from the stored scores (ADMIN): the same as published",
            description = "Who may call: ADMIN.\n\nA closed round's ranking recomputed from the stored scores "
            + "(the one `round.ranked.v1` published): by rank, each "
            + "`{bidId, aggregate, rank, decision, judges, flagged}`. **404** "
            + "`challenge-not-found`. **409** `round-not-closed` (open, or not opened).")
    @Secured("ADMIN")
    @Get("/challenges/{id}/rounds/{index}/ranking")
    List<Ranking.Result> ranking(@PathVariable String id, @PathVariable int index) {
        return queries.ranking(id, index);
    }
}
