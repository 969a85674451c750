package cn.jiebang.challenge.challenge.web;

import cn.jiebang.challenge.challenge.application.ChallengeManagement;
import cn.jiebang.challenge.challenge.application.ChallengeQueries;
import cn.jiebang.challenge.challenge.domain.Advancement;
import cn.jiebang.challenge.challenge.domain.AggregationRule;
import cn.jiebang.challenge.challenge.domain.Amendment;
import cn.jiebang.challenge.challenge.domain.Challenge;
import cn.jiebang.challenge.challenge.domain.ChallengeDefinition;
import cn.jiebang.challenge.challenge.domain.ChallengeFilter;
import cn.jiebang.challenge.challenge.domain.ChallengeMode;
import cn.jiebang.challenge.challenge.domain.ChallengeStatus;
import cn.jiebang.challenge.challenge.domain.Criterion;
import cn.jiebang.challenge.challenge.domain.Eligibility;
import cn.jiebang.challenge.challenge.domain.Round;
import cn.jiebang.challenge.challenge.domain.RoundKind;
import cn.jiebang.challenge.challenge.domain.RoundStatus;
import cn.jiebang.challenge.challenge.domain.TimelineEntry;
import cn.jiebang.challenge.reference.Region;
import cn.jiebang.challenge.reference.TechnologyField;
import cn.jiebang.challenge.requirement.domain.Indicator;
import cn.jiebang.web.Callers;
import cn.jiebang.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Challenges. Creating and publishing are the program office's (ADMIN) work; a published challenge is
 * public (the board), a draft is seen by the program office and the agency that will own it.
 */
@Tag(name = "challenges")
@Controller("/api/challenges")
@ExecuteOn(TaskExecutors.BLOCKING)
class ChallengeController {

    private final ChallengeManagement management;
    private final ChallengeQueries queries;
    private final VisibleChallenges visible;

    ChallengeController(ChallengeManagement management, ChallengeQueries queries, VisibleChallenges visible) {
        this.management = management;
        this.queries = queries;
        this.visible = visible;
    }

    @Serdeable
    record RoundView(int index, String name, RoundKind kind, Instant opensAt, Instant closesAt,
                     List<Criterion> criteria, AggregationRule aggregation, Advancement advancement,
                     int minJudgesPerBid, boolean blind, BigDecimal tranchePerTeam, int publicityDays,
                     RoundStatus status, @Nullable Instant openedAt,
                     @Nullable @Schema(description = "the judge panel: shown to the program office only") List<String> judgeIds) {

        static RoundView of(Round r, boolean showPanel) {
            return new RoundView(r.getRoundIndex(), r.getName(), r.getKind(), r.getOpensAt(), r.getClosesAt(),
                    r.getCriteria(), r.getAggregation(), r.getAdvancement(), r.getMinJudgesPerBid(), r.isBlind(),
                    r.getTranchePerTeam(), r.getPublicityDays(), r.getStatus(), r.getOpenedAt(),
                    showPanel ? r.getJudgeIds() : null);
        }
    }

    /** A challenge with its full definition, rounds and timeline: the challenge page. */
    @Serdeable
    record ChallengeView(String id, String title, String problemStatement, String ownerOrganizationId,
                         TechnologyField technologyField, Region region, ChallengeMode mode, int winners,
                         List<String> requirementIds, List<Indicator> indicators, BigDecimal totalBudget,
                         Eligibility eligibility, Instant bidOpensAt, Instant bidClosesAt, String ipTerms,
                         List<RoundView> rounds, ChallengeStatus status, Instant createdAt,
                         @Nullable Instant publishedAt,
                         @Nullable @Schema(description = "live bids at the close; hidden while bidding is open") Integer bidCount,
                         @Nullable Integer screenedIn, @Nullable String failureReason,
                         @Nullable String cancellationReason, @Nullable Instant endedAt,
                         List<TimelineEntry> timeline) {

        static ChallengeView of(Challenge c, List<Round> rounds, List<Amendment> amendments, boolean showPanels) {
            return new ChallengeView(c.getId(), c.getTitle(), c.getProblemStatement(), c.getOwnerOrganizationId(),
                    c.getTechnologyField(), c.getRegion(), c.getMode(), c.getWinners(), c.getRequirementIds(),
                    c.getIndicators(), c.getTotalBudget(), c.getEligibility(), c.getBidOpensAt(), c.getBidClosesAt(),
                    c.getIpTerms(), rounds.stream().map(r -> RoundView.of(r, showPanels)).toList(), c.getStatus(),
                    c.getCreatedAt(), c.getPublishedAt(), c.publicBidCount(), c.getScreenedIn(), c.getFailureReason(),
                    c.getCancellationReason(), c.getEndedAt(), TimelineEntry.of(c, rounds, amendments));
        }
    }

    /** A line of the board: what a team scans before opening the page. */
    @Serdeable
    record ChallengeSummary(String id, String title, String ownerOrganizationId, TechnologyField technologyField,
                            Region region, ChallengeMode mode, BigDecimal totalBudget, Instant bidOpensAt,
                            Instant bidClosesAt, ChallengeStatus status, Instant createdAt,
                            @Nullable Instant publishedAt, @Nullable Integer bidCount) {

        static ChallengeSummary of(Challenge c) {
            return new ChallengeSummary(c.getId(), c.getTitle(), c.getOwnerOrganizationId(), c.getTechnologyField(),
                    c.getRegion(), c.getMode(), c.getTotalBudget(), c.getBidOpensAt(), c.getBidClosesAt(),
                    c.getStatus(), c.getCreatedAt(), c.getPublishedAt(), c.publicBidCount());
        }
    }

    @Serdeable
    record ChallengePage(List<ChallengeSummary> items, int page, int size, long totalItems) {
    }

    @Serdeable
    record PanelRequest(@NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 36) String> judgeIds) {
    }

    @Operation(summary = "Compose a draft challenge from approved requirements (需求凝练, ADMIN); every inconsistency "
            + "is reported per field",
            description = "Who may call: ADMIN.\n\n需求凝练: the definition. **201** and the challenge (`DRAFT`, its "
            + "rounds `PENDING`), with `Location: /api/challenges/{id}`. **422** `invalid-challenge`, with one "
            + "field error per broken rule; nothing is stored.\n\nBody: `title` required, ≤ 200 characters; "
            + "`problemStatement` required, ≤ 20 000 characters; `ownerOrganizationId` required, ≤ 36 characters; "
            + "`technologyField`, one of `NEW_GENERATION_IT`, `BIOMEDICINE`, `AEROSPACE`, "
            + "`BRAIN_COMPUTER_INTERFACE`, `ADVANCED_MANUFACTURING`, `NEW_MATERIALS`, `NEW_ENERGY`, `OTHER`; "
            + "`region`; `requirementIds`, 1–20; `indicators`, 1–30, each as in a requirement; `totalBudget` "
            + "positive, at most 13 integer digits and 2 decimal places; `mode` (`OPEN_COMPETITION`, "
            + "`HORSE_RACE`); `winners` 1–100; `eligibility` `{allowedRegions, allowedOrganizationKinds, "
            + "maxConsortiumMembers (0–20), bidsPerOrganization (1–10), excludePastWinners}`; `bidOpensAt`, "
            + "`bidClosesAt`: ISO instants; `ipTerms` required, ≤ 20 000 characters; `rounds`, 1–10, each `{name "
            + "(≤ 100 characters), kind, opensAt, closesAt, criteria, aggregation, advancement, minJudgesPerBid "
            + "(1–50), blind, tranchePerTeam (≥ 0, 13 integer digits and 2 decimal places), publicityDays "
            + "(0–60)}`; `criteria`, 1–20, each `{code (1–30 capitals, digits or _, starting with a capital), name "
            + "(≤ 200 characters), weight (1–100), maxScore (1–1000)}`; `advancement` `{rule, value (> 0, 3 "
            + "integer digits and 2 decimal places), maxTeams (1–1000, optional)}`. A missing or out-of-range "
            + "field is **400** `invalid-request` with field errors; so is one of the wrong kind (an unknown "
            + "enumeration value, a malformed instant, a decimal weight), named by its path, e.g. "
            + "`rounds[0].criteria[1].weight` `must be a whole number`. How the fields must fit together is "
            + "below.\n\n`ChallengeDefinition.inconsistencies` and `ChallengeManagement.validate` check how the "
            + "fields fit together, on create and on redefine. Every broken rule is one field error of **422** "
            + "`invalid-challenge`, named by the field to fix (`rounds[1].tranchePerTeam`):\n\n- `bidClosesAt` is "
            + "after `bidOpensAt`, and not yet passed;\n- `ownerOrganizationId` is an `ACTIVE` organization;\n- "
            + "each of `requirementIds` exists and is `APPROVED` or `PUBLISHED`, and none is listed twice;\n- a "
            + "`HORSE_RACE` has at least two rounds;\n- each round closes after it opens; rounds overlap neither "
            + "the bid window nor each other: round 1 opens at or after `bidClosesAt`, every later round at or "
            + "after the previous one closes;\n- a round's criterion weights sum to 100, and its criterion codes "
            + "are unique;\n- advancement: `TOP_N` needs a whole n, and `maxTeams`, if given, equal to n; "
            + "`THRESHOLD` (`value`, the least aggregate on 0–100) and `TOP_PERCENT` need `value` ≤ 100 and "
            + "`maxTeams`;\n- a round's cap (n for `TOP_N`, else `maxTeams`) is never above the previous round's, "
            + "and the last round's cap equals `winners`;\n- the funding committed, Σ `tranchePerTeam` × cap over "
            + "the rounds, is at most `totalBudget` (reported at the round that crosses it).\n\nLater, publishing "
            + "checks only that the draft has rounds and requirements and that the bid window is still open, and "
            + "an extension that it does not reach round 1's `opensAt` (skipped when there is no round 1). See ADR "
            + "0010.")
    @Secured("ADMIN")
    @Post
    HttpResponse<ChallengeView> create(@Body @Valid ChallengeDefinition definition) {
        Challenge created = management.create(definition.stripped());
        return HttpResponse.created(view(created, true), URI.create("/api/challenges/" + created.getId()));
    }

    @Operation(summary = "Replace the definition of a draft challenge (ADMIN)",
            description = "Who may call: ADMIN.\n\nThe same body: replaces the whole definition of a draft, rounds "
            + "(and any panels named) included. **200** and the challenge. **404** `challenge-not-found`. **409** "
            + "`challenge-not-draft`. **422** `invalid-challenge`.\n\nBody: as for `POST /api/challenges`.")
    @Secured("ADMIN")
    @Put("/{id}")
    ChallengeView redefine(@PathVariable String id, @Body @Valid ChallengeDefinition definition) {
        return view(management.redefine(id, definition.stripped()), true);
    }

    @Operation(summary = "Name the judge panel of a round that has not opened (ADMIN): active JUDGE users, at least "
            + "the round's minimum judges per bid",
            description = "Who may call: ADMIN.\n\n`{judgeIds}`, 1–100 user ids: names or renames the judge panel "
            + "of round `index`; no event. **200** and the round, with `judgeIds`. **404** `challenge-not-found`, "
            + "`round-not-found`. **409** `challenge-ended` (`AWARDED`, `FAILED`, `CANCELLED`), "
            + "`round-not-pending` once the round has opened. **422** `invalid-panel`, with field errors: a user "
            + "who is not an active JUDGE (`judgeIds[i]`), a judge named twice, or fewer judges than the round's "
            + "`minJudgesPerBid`.\n\nBody: `judgeIds`, 1–100 user ids, each ≤ 36 characters.")
    @Secured("ADMIN")
    @Put("/{id}/rounds/{index}/panel")
    RoundView namePanel(@PathVariable String id, @PathVariable int index, @Body @Valid PanelRequest request) {
        return RoundView.of(management.namePanel(id, index, request.judgeIds()), true);
    }

    @Operation(summary = "Open round 1 with its panel once screening is complete (ADMIN): round.opened.v1; it also "
            + "opens by itself at its scheduled start",
            description = "Who may call: ADMIN.\n\nOpens round `index` with its panel, at any time (before its "
            + "`opensAt` too): round 1 once screening is complete, with the bids screened in; round n > 1 once "
            + "round n − 1 is `FINALIZED`, with the teams that went on. **200** and the round (`OPEN`, "
            + "`openedAt`); for round 1 the challenge becomes `IN_EVALUATION`; `round.opened.v1` goes to the "
            + "outbox. **404** `challenge-not-found`, `round-not-found`. **409** `challenge-wrong-status` unless "
            + "`SCREENING` for round 1 (a failed challenge among others) or `IN_EVALUATION` for a later one; "
            + "`screening-not-complete` before `screening.completed.v1`; `round-wrong-status` while round n − 1 is "
            + "not finalized; `round-not-pending` once opened; `panel-not-named`.")
    @Secured("ADMIN")
    @Post("/{id}/rounds/{index}/open")
    RoundView openRound(@PathVariable String id, @PathVariable int index) {
        return RoundView.of(management.openRound(id, index), true);
    }

    @Operation(summary = "Publish a draft challenge (发榜): bidding opens and challenge.published.v1 is emitted (ADMIN)",
            description = "Who may call: ADMIN.\n\n**200** and the challenge (`PUBLISHED`, `publishedAt` set); its "
            + "requirements become `PUBLISHED`, and `challenge.published.v1`, with the full definition, goes to "
            + "the outbox in the same transaction. **404** `challenge-not-found`. **409** `challenge-not-draft`. "
            + "**422** `invalid-challenge` (field `rounds`) for a draft without rounds or requirements, such as "
            + "one created before V7: redefine it in full first; `bid-window-closed` when `bidClosesAt` has passed.")
    @Secured("ADMIN")
    @Post("/{id}/publish")
    ChallengeView publish(@PathVariable String id) {
        return view(management.publish(id), true);
    }

    @Serdeable
    record AmendmentRequest(@NotNull AmendmentKind kind, @Nullable Instant bidClosesAt,
                            @NotBlank @Size(max = 5000) String text) {
    }

    enum AmendmentKind { DEADLINE_EXTENSION, CLARIFICATION }

    @Serdeable
    record CancellationRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Amend a published challenge (ADMIN): extend its bid deadline or add a clarification; "
            + "challenge.amended.v1 tells the bidders",
            description = "Who may call: ADMIN.\n\n`{kind, bidClosesAt, text}`. **200** and the challenge "
            + "(for an extension, with the new `bidClosesAt`); the amendment is stored and `challenge.amended.v1` "
            + "goes to the outbox. **404** `challenge-not-found`. **409** `challenge-not-published` unless "
            + "`PUBLISHED` (a draft, a cancelled one, or one closed for bidding). **422** `bid-window-closed` when "
            + "an extension comes after `bidClosesAt` has passed; `deadline-not-extended` when an extension has no "
            + "`bidClosesAt`, one not after the current deadline, or one after round 1's `opensAt` (a challenge "
            + "without rounds has no such limit).\n\nBody: `kind` required, `DEADLINE_EXTENSION` or "
            + "`CLARIFICATION`; `bidClosesAt`, an ISO instant, the new deadline, needed for `DEADLINE_EXTENSION` "
            + "and ignored for `CLARIFICATION`; `text` required, ≤ 5000 characters (the reason for an extension, "
            + "or the clarification).")
    @Secured("ADMIN")
    @Post("/{id}/amendments")
    ChallengeView amend(@PathVariable String id, @Body @Valid AmendmentRequest request) {
        if (request.kind() == AmendmentKind.CLARIFICATION) {
            return view(management.clarify(id, request.text().strip()), true);
        }
        return view(management.extendDeadline(id, request.bidClosesAt(), request.text().strip()), true);
    }

    @Operation(summary = "The amendments of a challenge, oldest first: public once it is published",
            description = "Who may call: as `GET /api/challenges/{id}`.\n\nThe challenge's amendments, oldest "
            + "first, each `{id, challengeId, kind, text, previousBidClosesAt, bidClosesAt, amendedAt}` (`kind` "
            + "`DEADLINE_EXTENDED` or `CLARIFICATION`). **404** `challenge-not-found`, as for `GET "
            + "/api/challenges/{id}`.")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/{id}/amendments")
    List<Amendment> amendments(@PathVariable String id, @Nullable Authentication caller) {
        visible.require(id, caller);
        return queries.amendments(id);
    }

    @Operation(summary = "Cancel a challenge with a reason (撤榜, ADMIN); a published one emits challenge.cancelled.v1",
            description = "Who may call: ADMIN.\n\n撤榜: `{reason}`. **200** and the challenge (`CANCELLED`, "
            + "`cancellationReason`, `endedAt`); `challenge.cancelled.v1` if it was ever published (`PUBLISHED`, "
            + "`SCREENING` or `IN_EVALUATION`); nothing for a draft. **404** `challenge-not-found`. **409** "
            + "`challenge-not-cancellable` once it has ended (`CANCELLED`, `FAILED`, `AWARDED`).\n\nBody: `reason` "
            + "required, ≤ 2000 characters.")
    @Secured("ADMIN")
    @Post("/{id}/cancel")
    ChallengeView cancel(@PathVariable String id, @Body @Valid CancellationRequest request) {
        return view(management.cancel(id, request.reason().strip()), true);
    }

    @Operation(summary = "One challenge with its definition, rounds and timeline, and its bid count once bidding closed: "
            + "published (and later) ones for anyone, drafts for ADMIN and the owner agency",
            description = "Who may call: anyone once published (failed and cancelled ones included); otherwise "
            + "ADMIN and AGENCY of its owner organization.\n\nThe challenge page: the full definition, its rounds "
            + "(`judgeIds` for ADMIN only, `null` for everyone else), its state and its timeline. **404** "
            + "`challenge-not-found`, also for a never-published challenge (a draft or a cancelled draft) when the "
            + "caller may not see it.")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/{id}")
    ChallengeView get(@PathVariable String id, @Nullable Authentication caller) {
        return view(visible.require(id, caller), Callers.hasRole(caller, "ADMIN"));
    }

    private ChallengeView view(Challenge challenge, boolean showPanels) {
        return ChallengeView.of(challenge, queries.rounds(challenge.getId()), queries.amendments(challenge.getId()),
                showPanels);
    }

    @Operation(summary = "The challenge board (榜单), newest first: published (and later cancelled, closed or ended) "
            + "challenges for anyone, also its own drafts for an agency, all for ADMIN; filtered by status, field, "
            + "region, mode, owner agency, budget range, closing date and literal text in title or problem statement",
            description = "Who may call: anyone; never-published challenges ADMIN and the owner's AGENCY users "
            + "only.\n\nThe board (榜单): `{items, page, size, totalItems}`, newest first (`createdAt`, then `id`); "
            + "`size` 1–100. Each item is a summary: `id`, `title`, `ownerOrganizationId`, `technologyField`, "
            + "`region`, `mode`, `totalBudget`, `bidOpensAt`, `bidClosesAt`, `status`, `createdAt`, `publishedAt`, "
            + "`bidCount`. Callers other than ADMIN get only challenges with `publishedAt` set, plus, for an "
            + "AGENCY user, its own organization's drafts; ADMIN gets all drafts too. Optional filters, all "
            + "combined: `status`; `field` (technology field); `region`; `mode`; `owner` (owner organization id); "
            + "`minBudget`, `maxBudget` (`totalBudget` between them, both inclusive; ≥ 0, a negative one answers "
            + "**400** `invalid-request`); `closesAfter` (`bidClosesAt` at or after it) and `closesBefore` "
            + "(`bidClosesAt` before it), ISO instants; `q` (≤ 100 characters), text found literally in the title "
            + "or problem statement (Chinese included; `%` and `_` are not wildcards). An unknown `status`, "
            + "`region` or `mode` answers **400**. `ChallengeFilter` builds the query as a "
            + "`PredicateSpecification`.")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get
    ChallengePage list(@QueryValue @Nullable ChallengeStatus status, @QueryValue @Nullable TechnologyField field,
                       @QueryValue @Nullable Region region, @QueryValue @Nullable ChallengeMode mode,
                       @QueryValue @Nullable @Size(max = 36) String owner,
                       @QueryValue @Nullable @PositiveOrZero BigDecimal minBudget,
                       @QueryValue @Nullable @PositiveOrZero BigDecimal maxBudget,
                       @QueryValue @Nullable Instant closesAfter, @QueryValue @Nullable Instant closesBefore,
                       @QueryValue @Nullable @Size(max = 100) String q,
                       @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                       @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size,
                       @Nullable Authentication caller) {
        String agency = Callers.hasRole(caller, "AGENCY") ? Callers.organizationOf(caller) : null;
        ChallengeFilter filter = new ChallengeFilter(!Callers.hasRole(caller, "ADMIN"), agency, status, field, region,
                mode, owner, minBudget, maxBudget, closesAfter, closesBefore, q);
        Page<Challenge> result = queries.board(filter, page, size);
        return new ChallengePage(result.getContent().stream().map(ChallengeSummary::of).toList(), page, size,
                result.getTotalSize());
    }
}
