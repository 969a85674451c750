package cn.jiebang.challenge.web;

import cn.jiebang.challenge.application.ChallengeManagement;
import cn.jiebang.challenge.application.ChallengeManagement.NewChallenge;
import cn.jiebang.challenge.domain.Amendment;
import cn.jiebang.challenge.domain.Amendments;
import cn.jiebang.challenge.domain.Challenge;
import cn.jiebang.challenge.domain.ChallengeFilter;
import cn.jiebang.challenge.domain.ChallengeStatus;
import cn.jiebang.challenge.domain.ChallengeNotFound;
import cn.jiebang.challenge.domain.Challenges;
import cn.jiebang.challenge.domain.InvalidChallenge;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import cn.jiebang.web.Callers;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import cn.jiebang.challenge.domain.TechnologyField;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Challenges. Creating and publishing are the program office's (ADMIN) work; a published challenge is
 * public (the board), a draft is seen by the program office only.
 */
@Tag(name = "challenges")
@Controller("/api/challenges")
@ExecuteOn(TaskExecutors.BLOCKING)
class ChallengeController {

    private final ChallengeManagement management;
    private final Challenges challenges;
    private final Amendments amendments;

    ChallengeController(ChallengeManagement management, Challenges challenges, Amendments amendments) {
        this.management = management;
        this.challenges = challenges;
        this.amendments = amendments;
    }

    @Serdeable
    record CreateChallengeRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String problemStatement,
            @NotNull TechnologyField technologyField,
            @NotNull @Positive @Digits(integer = 13, fraction = 2) BigDecimal totalBudget,
            @NotNull Instant bidOpensAt,
            @NotNull Instant bidClosesAt) {
    }

    @Serdeable
    record ChallengeView(String id, String title, String problemStatement, TechnologyField technologyField,
                         BigDecimal totalBudget, Instant bidOpensAt, Instant bidClosesAt, ChallengeStatus status,
                         Instant createdAt, @Nullable Instant publishedAt, @Nullable String cancellationReason) {

        static ChallengeView of(Challenge c) {
            return new ChallengeView(c.getId(), c.getTitle(), c.getProblemStatement(), c.getTechnologyField(),
                    c.getTotalBudget(), c.getBidOpensAt(), c.getBidClosesAt(), c.getStatus(), c.getCreatedAt(),
                    c.getPublishedAt(), c.getCancellationReason());
        }
    }

    @Serdeable
    record ChallengePage(List<ChallengeView> items, int page, int size, long totalItems) {
    }

    @Operation(summary = "Create a draft challenge (ADMIN)")
    @Secured("ADMIN")
    @Post
    HttpResponse<ChallengeView> create(@Body @Valid CreateChallengeRequest request) {
        Challenge created = management.create(new NewChallenge(request.title(), request.problemStatement(),
                request.technologyField(), request.totalBudget(), request.bidOpensAt(), request.bidClosesAt()));
        return HttpResponse.created(ChallengeView.of(created), URI.create("/api/challenges/" + created.getId()));
    }

    @Operation(summary = "Publish a draft challenge (发榜): bidding opens and challenge.published.v1 is emitted (ADMIN)")
    @Secured("ADMIN")
    @Post("/{id}/publish")
    ChallengeView publish(@PathVariable String id) {
        return ChallengeView.of(management.publish(id));
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
            + "challenge.amended.v1 tells the bidders")
    @Secured("ADMIN")
    @Post("/{id}/amendments")
    ChallengeView amend(@PathVariable String id, @Body @Valid AmendmentRequest request) {
        if (request.kind() == AmendmentKind.CLARIFICATION) {
            return ChallengeView.of(management.clarify(id, request.text().strip()));
        }
        if (request.bidClosesAt() == null) {
            throw new InvalidChallenge("deadline-not-extended", "a deadline extension needs the new bidClosesAt",
                    List.of(new FieldProblem("bidClosesAt", "must not be null")));
        }
        return ChallengeView.of(management.extendDeadline(id, request.bidClosesAt(), request.text().strip()));
    }

    @Operation(summary = "The amendments of a challenge, oldest first: public once it is published")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/{id}/amendments")
    List<Amendment> amendments(@PathVariable String id, @Nullable Authentication caller) {
        get(id, caller);
        return amendments.findByChallengeIdOrderById(id);
    }

    @Operation(summary = "Cancel a challenge with a reason (撤榜, ADMIN); a published one emits challenge.cancelled.v1")
    @Secured("ADMIN")
    @Post("/{id}/cancel")
    ChallengeView cancel(@PathVariable String id, @Body @Valid CancellationRequest request) {
        return ChallengeView.of(management.cancel(id, request.reason().strip()));
    }

    @Operation(summary = "One challenge: published (or published, then cancelled) ones for anyone; the rest for ADMIN")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/{id}")
    ChallengeView get(@PathVariable String id, @Nullable Authentication caller) {
        Challenge challenge = challenges.require(id);
        if (challenge.getPublishedAt() == null && !Callers.hasRole(caller, "ADMIN")) {
            throw new ChallengeNotFound(id);
        }
        return ChallengeView.of(challenge);
    }

    @Operation(summary = "The challenge board (榜单), newest first: published (and later cancelled or closed) "
            + "challenges for anyone, drafts too for ADMIN; filtered by status, field, budget range, closing date "
            + "and literal text in title or problem statement")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get
    ChallengePage list(@QueryValue @Nullable ChallengeStatus status, @QueryValue @Nullable TechnologyField field,
                       @QueryValue @Nullable @PositiveOrZero BigDecimal minBudget,
                       @QueryValue @Nullable @PositiveOrZero BigDecimal maxBudget,
                       @QueryValue @Nullable Instant closesAfter, @QueryValue @Nullable Instant closesBefore,
                       @QueryValue @Nullable @Size(max = 100) String q,
                       @QueryValue(defaultValue = "0") @Min(0) int page,
                       @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size,
                       @Nullable Authentication caller) {
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
        ChallengeFilter filter = new ChallengeFilter(!Callers.hasRole(caller, "ADMIN"), status, field, minBudget,
                maxBudget, closesAfter, closesBefore, q);
        Page<Challenge> result = challenges.findAll(filter.toSpecification(), pageable);
        return new ChallengePage(result.getContent().stream().map(ChallengeView::of).toList(), page, size,
                result.getTotalSize());
    }
}
