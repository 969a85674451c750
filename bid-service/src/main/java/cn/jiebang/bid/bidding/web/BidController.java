package cn.jiebang.bid.bidding.web;

import cn.jiebang.bid.bidding.application.BidQueries.BidRead;
import cn.jiebang.bid.bidding.application.BidQueries;
import cn.jiebang.bid.bidding.application.BidSubmission.Receipt;
import cn.jiebang.bid.bidding.application.BidSubmission;
import cn.jiebang.bid.bidding.domain.AttachmentRef;
import cn.jiebang.bid.bidding.domain.BidContent;
import cn.jiebang.bid.bidding.domain.BidVersion;
import cn.jiebang.web.Callers;
import cn.jiebang.web.IdempotencyKey;
import cn.jiebang.web.Paging;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static cn.jiebang.bid.bidding.web.Principals.caller;
import static cn.jiebang.bid.bidding.web.Principals.reader;

/**
 * Bids (揭榜申报). A team (TEAM) submits, revises and withdraws the bids its organization leads and sees only
 * those; the program office (ADMIN) and the owner agency (AGENCY) see a challenge's bids once bidding has
 * closed (sealed until then). Screening and attachments have their own controllers.
 */
@Tag(name = "bids")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class BidController {

    private static final String IDEMPOTENCY_KEY = "Optional, 1–100 characters: a retry with the same key answers the "
            + "first receipt. Sent, it must not be empty or blank (400); to send no key, leave the header out";

    private final BidSubmission submission;
    private final BidQueries queries;

    BidController(BidSubmission submission, BidQueries queries) {
        this.submission = submission;
        this.queries = queries;
    }

    @Serdeable
    record VersionView(String bidId, int version, Instant submittedAt, String submittedBy, String contentHash,
                       BidContent content, List<AttachmentRef> attachments) {

        static VersionView of(BidVersion v) {
            return new VersionView(v.bidId(), v.versionNo(), v.submittedAt(), v.submittedBy(), v.contentHash(),
                    v.content(), v.attachments());
        }
    }

    @Serdeable
    record BidPage(List<BidView> items, int page, int size, long totalItems) {
    }

    @Serdeable
    record Revision(@Min(1) int baseVersion, @NotNull @Valid BidContent content) {
    }

    @Operation(summary = "Submit a bid while the window is open (TEAM); answers with a receipt. A retry with the same "
            + "Idempotency-Key answers the first receipt and stores nothing; the same key with another body is a 422",
            description = "Who may call: TEAM.\n\nThe bid content, optional `Idempotency-Key` header. "
            + "**201** and the receipt `{bidId, challengeId, version, serverTime, contentHash, replayed}`, with "
            + "`Location: /api/bids/{bidId}`; `bid.submitted.v1`. **400** `invalid-request` (also an empty or "
            + "blank `Idempotency-Key`). **404** `challenge-not-found`. **409** `bid-window-closed`, "
            + "`organization-not-known`, `duplicate-bid`, `bid-cap-reached`. **422** `invalid-bid`, "
            + "`idempotency-key-reused`.\n\nBody: `memberOrganizationIds`, 0–20 organization ids (the "
            + "consortium besides the lead); `teamLead` (挂帅人) `{name (≤ 100 characters), title (≤ 200)}`; "
            + "`coreMembers`, 0–50, the same; `technicalApproach` required, ≤ 50 000 characters; `milestones`, "
            + "1–30, each `{title (≤ 200), dueOn (ISO date), deliverable (≤ 2000)}`; `committedIndicators`, 1–30, "
            + "each `{name (≤ 200), value (15 integer digits, 6 decimal places)}`; `requestedBudget`, positive, 13 "
            + "integer digits and 2 decimal places; `attachmentIds`, optional, at most 20. The lead organization "
            + "is the caller's, not in the body. Each milestone's `dueOn` falls within the challenge "
            + "(rule 4 below).\n\n`BidSubmission.submit`, `revise` and `withdraw` each run in one READ COMMITTED "
            + "transaction that first locks the challenge's `bidding_challenge` row (`SELECT … FOR UPDATE`) and "
            + "only then reads the clock, so the bids of one challenge are taken one at a time, and the "
            + "bidding-closed handler takes the same lock. See ADR 0011. In order:\n\n1. **Idempotency.** With an "
            + "`Idempotency-Key` header (optional, 1–100 characters), the caller's user id and key look up the "
            + "first request. Same request hash (SHA-256 of the operation, `submit` or `revise:<baseVersion>`, the "
            + "challenge or bid, and the content as sent): the first receipt again, with `replayed: true`, and "
            + "nothing stored, even after the deadline. Another hash: **422** `idempotency-key-reused`. A key "
            + "belongs to its user: another user sending the same key sends a new request. The header is read as "
            + "sent (`IdempotencyKey.of`): one that is there but empty or blank, or sent twice, is **400** "
            + "`invalid-request` (field `Idempotency-Key`), never taken for no key; to send no key, leave the "
            + "header out.\n2. **Window**: **409** `bid-window-closed` outside [`bidOpensAt`, `bidClosesAt`), once "
            + "cancelled, or once `challenge.bidding-closed.v1` has been processed.\n3. **Lead organization** "
            + "known to bid-service, else **409** `organization-not-known` (it has not arrived from "
            + "`account.events` yet; retry).\n4. **Rules** (`BidRules`), every broken one a field error of **422** "
            + "`invalid-bid`: the lead organization's region is in `allowedRegions` and its kind in "
            + "`allowedOrganizationKinds` (empty admits everyone); at most `maxConsortiumMembers` members, each a "
            + "registered organization, none the lead or named twice; `requestedBudget` at most the challenge's "
            + "`totalBudget`; one committed value for each of the challenge's indicators, at least as strong as "
            + "the target (≥ for `AT_LEAST`, ≤ for `AT_MOST`), and none for anything else; each milestone due "
            + "within the challenge (`milestones[i].dueOn`): not before the day the bid window opens, nor after "
            + "the day its last round is planned to close, both days included, on the Beijing calendar "
            + "(`BiddingChallenge.CALENDAR`, the program office's): a plan promising work no round can judge, or "
            + "due before bidding began, is a mistake, not a plan (ADR 0015); each attachment uploaded by the "
            + "caller's organization for this challenge, and listed once. A challenge projected before rounds kept "
            + "their `closesAt` has no upper bound.\n5. **Cap** (submit only): the organization's live (not "
            + "withdrawn) bids on the challenge must be fewer than `bidsPerOrganization`. With a cap of 1, **409** "
            + "`duplicate-bid` (revise the bid instead); above 1, **409** `bid-cap-reached`.\n6. A revision must "
            + "be based on the current version (**409** `stale-version`), and only a `SUBMITTED` bid can be "
            + "revised or withdrawn (**409** `bid-wrong-status`).\n\nThe version, its event and the idempotency "
            + "record commit together. The receipt's `serverTime` is the version's `submittedAt`, truncated to "
            + "microseconds as the database keeps it, so a replay shows the same instant; the times in the events "
            + "bid-service emits are truncated likewise. Its `contentHash` is the SHA-256 (hex) of "
            + "`CanonicalJson`, which writes object keys sorted by UTF-16 code units, no whitespace, numbers as "
            + "their shortest exact decimal (`1.50` is `1.5`), strings with RFC 8259's minimal escaping, of this "
            + "object: `challengeId`, `leadOrganizationId`, `memberOrganizationIds`, `teamLead` and `coreMembers` "
            + "(`{name, title}`), `technicalApproach`, `milestones` (`{title, dueOn, deliverable}`), "
            + "`committedIndicators` (`{name, value}`), `requestedBudget`, and `attachments`, each `{attachmentId, "
            + "fileName, contentType, sizeBytes, sha256}`. The same content in another field order has the same "
            + "hash.")
    @Parameter(in = ParameterIn.HEADER, name = IdempotencyKey.HEADER, description = IDEMPOTENCY_KEY,
            schema = @Schema(type = "string", minLength = 1, maxLength = IdempotencyKey.MAX_LENGTH))
    @Secured("TEAM")
    @Post("/challenges/{id}/bids")
    HttpResponse<Receipt> submit(@PathVariable String id, HttpRequest<?> request, @Body @Valid BidContent content,
                                 Authentication caller) {
        Receipt receipt = submission.submit(caller(caller), id, IdempotencyKey.of(request), content);
        return HttpResponse.created(receipt, URI.create("/api/bids/" + receipt.bidId()));
    }

    @Operation(summary = "Revise a bid before the deadline (TEAM, its organization's): a new version based on the "
            + "latest one (baseVersion), or a 409 when another revision came first",
            description = "Who may call: TEAM, its team.\n\n`{baseVersion, content}`, optional `Idempotency-Key`. "
            + "**201** and the receipt of the new version, with `Location: /api/bids/{id}/versions/{version}`; "
            + "`bid.revised.v1`. **400** `invalid-request` (also an empty or blank `Idempotency-Key`). **404** "
            + "`bid-not-found`. **409** `bid-window-closed`, `stale-version`, `bid-wrong-status`, "
            + "`organization-not-known`. **422** `invalid-bid`, `idempotency-key-reused`.\n\nBody: `baseVersion` "
            + "(≥ 1, the current version) and `content`.")
    @Parameter(in = ParameterIn.HEADER, name = IdempotencyKey.HEADER, description = IDEMPOTENCY_KEY,
            schema = @Schema(type = "string", minLength = 1, maxLength = IdempotencyKey.MAX_LENGTH))
    @Secured("TEAM")
    @Post("/bids/{id}/versions")
    HttpResponse<Receipt> revise(@PathVariable String id, HttpRequest<?> request, @Body @Valid Revision revision,
                                 Authentication caller) {
        Receipt receipt = submission.revise(caller(caller), id, revision.baseVersion(), IdempotencyKey.of(request),
                revision.content());
        return HttpResponse.created(receipt, URI.create("/api/bids/" + id + "/versions/" + receipt.version()));
    }

    @Operation(summary = "Withdraw a bid before the deadline (TEAM, its organization's); it is not evaluated",
            description = "Who may call: TEAM, its team.\n\n**200** and the bid (`WITHDRAWN`); `bid.withdrawn.v1`. "
            + "It no longer counts against the cap. **404** `bid-not-found`. **409** `bid-window-closed`, "
            + "`bid-wrong-status`.")
    @Secured("TEAM")
    @Post("/bids/{id}/withdraw")
    BidView withdraw(@PathVariable String id, Authentication caller) {
        return BidView.of(queries.withCurrentVersion(submission.withdraw(caller(caller), id)));
    }

    @Operation(summary = "The bids the caller's organization leads, newest first (TEAM)",
            description = "Who may call: TEAM.\n\n`{items, page, size, totalItems}`: the bids the caller's "
            + "organization leads, newest first; `size` 1–100.")
    @Secured("TEAM")
    @Get("/bids")
    BidPage mine(@QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                 @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size, Authentication caller) {
        Page<BidRead> result = queries.ledBy(Callers.organizationOf(caller), page, size);
        return new BidPage(result.getContent().stream().map(BidView::of).toList(), page, size, result.getTotalSize());
    }

    @Operation(summary = "One bid with its current version: for its team; for the program office and the owner "
            + "agency once bidding has closed",
            description = "Who may call: signed in: its team; ADMIN and AGENCY of the owner organization after the "
            + "close.\n\nThe bid with its current version. **404** `bid-not-found`. **409** `bids-sealed`.")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/bids/{id}")
    BidView get(@PathVariable String id, Authentication caller) {
        return BidView.of(queries.read(reader(caller), id));
    }

    @Operation(summary = "Every version of a bid, oldest first (TEAM, its organization's)",
            description = "Who may call: TEAM, its team.\n\nEvery version, oldest first. **404** `bid-not-found`.")
    @Secured("TEAM")
    @Get("/bids/{id}/versions")
    List<VersionView> versions(@PathVariable String id, Authentication caller) {
        return queries.versionsOf(Callers.organizationOf(caller), id).stream().map(VersionView::of).toList();
    }

    @Operation(summary = "One version of a bid (TEAM, its organization's)",
            description = "Who may call: TEAM, its team.\n\nOne version. **404** `bid-not-found`, also for a "
            + "version that does not exist.")
    @Secured("TEAM")
    @Get("/bids/{id}/versions/{version}")
    VersionView version(@PathVariable String id, @PathVariable int version, Authentication caller) {
        return VersionView.of(queries.version(Callers.organizationOf(caller), id, version));
    }

    @Operation(summary = "The bids on a challenge, after bidding closed (ADMIN, and AGENCY of the owner agency)",
            description = "Who may call: ADMIN, AGENCY of the owner organization.\n\nAfter the close, all the "
            + "challenge's bids, withdrawn ones included, oldest first. **404** `challenge-not-found`, also for an "
            + "AGENCY of another organization (as for an unknown id). **409** `bids-sealed`.")
    @Secured({"ADMIN", "AGENCY"})
    @Get("/challenges/{id}/bids")
    List<BidView> ofChallenge(@PathVariable String id, Authentication caller) {
        return queries.ofChallenge(reader(caller), id).stream().map(BidView::of).toList();
    }
}
