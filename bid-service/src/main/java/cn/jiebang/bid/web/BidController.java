package cn.jiebang.bid.web;

import cn.jiebang.bid.application.BidQueries;
import cn.jiebang.bid.application.BidQueries.BidRead;
import cn.jiebang.bid.application.BidSubmission;
import cn.jiebang.bid.application.BidSubmission.Receipt;
import cn.jiebang.bid.domain.AttachmentRef;
import cn.jiebang.bid.domain.BidContent;
import cn.jiebang.bid.domain.BidVersion;
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

import static cn.jiebang.bid.web.Principals.caller;
import static cn.jiebang.bid.web.Principals.reader;

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
            + "Idempotency-Key answers the first receipt and stores nothing; the same key with another body is a 422")
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
            + "latest one (baseVersion), or a 409 when another revision came first")
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

    @Operation(summary = "Withdraw a bid before the deadline (TEAM, its organization's); it is not evaluated")
    @Secured("TEAM")
    @Post("/bids/{id}/withdraw")
    BidView withdraw(@PathVariable String id, Authentication caller) {
        return BidView.of(queries.withCurrentVersion(submission.withdraw(caller(caller), id)));
    }

    @Operation(summary = "The bids the caller's organization leads, newest first (TEAM)")
    @Secured("TEAM")
    @Get("/bids")
    BidPage mine(@QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                 @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size, Authentication caller) {
        Page<BidRead> result = queries.ledBy(Callers.organizationOf(caller), page, size);
        return new BidPage(result.getContent().stream().map(BidView::of).toList(), page, size, result.getTotalSize());
    }

    @Operation(summary = "One bid with its current version: for its team; for the program office and the owner "
            + "agency once bidding has closed")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/bids/{id}")
    BidView get(@PathVariable String id, Authentication caller) {
        return BidView.of(queries.read(reader(caller), id));
    }

    @Operation(summary = "Every version of a bid, oldest first (TEAM, its organization's)")
    @Secured("TEAM")
    @Get("/bids/{id}/versions")
    List<VersionView> versions(@PathVariable String id, Authentication caller) {
        return queries.versionsOf(Callers.organizationOf(caller), id).stream().map(VersionView::of).toList();
    }

    @Operation(summary = "One version of a bid (TEAM, its organization's)")
    @Secured("TEAM")
    @Get("/bids/{id}/versions/{version}")
    VersionView version(@PathVariable String id, @PathVariable int version, Authentication caller) {
        return VersionView.of(queries.version(Callers.organizationOf(caller), id, version));
    }

    @Operation(summary = "The bids on a challenge, after bidding closed (ADMIN, and AGENCY of the owner agency)")
    @Secured({"ADMIN", "AGENCY"})
    @Get("/challenges/{id}/bids")
    List<BidView> ofChallenge(@PathVariable String id, Authentication caller) {
        return queries.ofChallenge(reader(caller), id).stream().map(BidView::of).toList();
    }
}
