package cn.jiebang.challenge.requirement.domain;

import cn.jiebang.events.RequirementReviewed;
import cn.jiebang.events.RequirementSubmitted;
import cn.jiebang.problem.DomainProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static cn.jiebang.challenge.fixtures.RequirementBuilder.AGENCY;
import static cn.jiebang.challenge.fixtures.RequirementBuilder.AUTHOR;
import static cn.jiebang.challenge.fixtures.RequirementBuilder.NOW;
import static cn.jiebang.challenge.fixtures.RequirementBuilder.REVIEWER;
import static cn.jiebang.challenge.fixtures.RequirementBuilder.aRequirement;
import static cn.jiebang.challenge.fixtures.RequirementBuilder.at;
import static cn.jiebang.challenge.requirement.domain.RequirementStatus.APPROVED;
import static cn.jiebang.challenge.requirement.domain.RequirementStatus.DRAFT;
import static cn.jiebang.challenge.requirement.domain.RequirementStatus.PUBLISHED;
import static cn.jiebang.challenge.requirement.domain.RequirementStatus.REJECTED;
import static cn.jiebang.challenge.requirement.domain.RequirementStatus.RETURNED;
import static cn.jiebang.challenge.requirement.domain.RequirementStatus.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A requirement's review: DRAFT → SUBMITTED → APPROVED | RETURNED (→ edited, resubmitted) | REJECTED; APPROVED → PUBLISHED. */
class RequirementTest {

    @Test
    void aNewRequirementIsADraftOfItsAgency() {
        Requirement r = aRequirement().titled("车规级MCU").draft();
        assertEquals(DRAFT, r.getStatus());
        assertEquals(AGENCY, r.getOrganizationId());
        assertEquals(AUTHOR, r.getSubmittedBy());
        assertEquals("车规级MCU", r.getTitle());
        assertEquals(NOW, r.getCreatedAt());
        assertEquals(NOW, r.getUpdatedAt());
    }

    @ParameterizedTest
    @EnumSource(value = RequirementStatus.class, names = {"DRAFT", "RETURNED"})
    void aDraftOrReturnedRequirementIsEditedByItsLastEditor(RequirementStatus status) {
        Requirement r = aRequirement().in(status);
        r.edit("another-agency-user", aRequirement().titled("车规级MCU 第二版").content(), at(9));
        assertEquals(status, r.getStatus());
        assertEquals("车规级MCU 第二版", r.getTitle());
        assertEquals("another-agency-user", r.getSubmittedBy());
        assertEquals(at(9), r.getUpdatedAt());
        assertEquals(NOW, r.getCreatedAt());
    }

    @ParameterizedTest
    @EnumSource(value = RequirementStatus.class, names = {"DRAFT", "RETURNED"})
    void submittingSendsItToTheProgramOffice(RequirementStatus status) {
        Requirement r = aRequirement().in(status);
        RequirementSubmitted submitted = r.submit("agency-user-2", at(9));
        assertEquals(SUBMITTED, r.getStatus());
        assertEquals(new RequirementSubmitted(r.getId(), AGENCY, "agency-user-2", r.getTitle(), "BOTTLENECK",
                "NEW_GENERATION_IT", "TIANJIN", new BigDecimal("15000000.00"), at(9)), submitted);
    }

    @Test
    void approvingWithoutACommentRecordsAnEmptyOne() {
        Requirement r = aRequirement().in(SUBMITTED);
        RequirementReviewed reviewed = r.approve(REVIEWER, null, at(9));
        assertEquals(APPROVED, r.getStatus());
        assertEquals("", r.getReviewComment());
        assertEquals(new RequirementReviewed(r.getId(), AGENCY, AUTHOR, r.getTitle(), "APPROVED", "", REVIEWER, at(9)),
                reviewed);
        assertTrue(r.passedReview());
    }

    @Test
    void aReturnedRequirementCarriesTheReviewersComments() {
        Requirement r = aRequirement().in(SUBMITTED);
        RequirementReviewed reviewed = r.returnForRevision(REVIEWER, "请补充ASIL等级目标", at(9));
        assertEquals(RETURNED, r.getStatus());
        assertEquals("请补充ASIL等级目标", r.getReviewComment());
        assertEquals("RETURNED", reviewed.decision());
        assertFalse(r.passedReview());
    }

    @Test
    void aRejectedRequirementCarriesTheReason() {
        Requirement r = aRequirement().in(SUBMITTED);
        RequirementReviewed reviewed = r.reject(REVIEWER, "重复需求", at(9));
        assertEquals(REJECTED, r.getStatus());
        assertEquals("重复需求", r.getReviewComment());
        assertEquals("REJECTED", reviewed.decision());
        assertFalse(r.passedReview());
    }

    @Test
    void aReturnedRequirementIsRevisedResubmittedAndApproved() {
        Requirement r = aRequirement().in(RETURNED);
        r.edit(AUTHOR, aRequirement().titled("车规级MCU 修订").content(), at(5));
        r.submit(AUTHOR, at(6));
        r.approve(REVIEWER, "同意", at(7));
        assertEquals(APPROVED, r.getStatus());
        assertEquals("车规级MCU 修订", r.getTitle());
        assertEquals("同意", r.getReviewComment());
    }

    @Test
    void anApprovedRequirementIsPublishedWithAChallenge() {
        Requirement r = aRequirement().in(APPROVED);
        r.published(at(9));
        assertEquals(PUBLISHED, r.getStatus());
        assertEquals(at(9), r.getUpdatedAt());
        assertTrue(r.passedReview(), "a published requirement may feed a further challenge");
    }

    @Test
    void aPublishedRequirementStaysPublishedWhenAnotherChallengeUsesIt() {
        Requirement r = aRequirement().in(PUBLISHED);
        Instant firstPublished = r.getUpdatedAt();
        r.published(at(99));
        assertEquals(PUBLISHED, r.getStatus());
        assertEquals(firstPublished, r.getUpdatedAt());
    }

    @ParameterizedTest
    @EnumSource(RequirementStatus.class)
    void onlyAnApprovedOrPublishedRequirementHasPassedReview(RequirementStatus status) {
        assertEquals(status == APPROVED || status == PUBLISHED, aRequirement().in(status).passedReview());
    }

    // ---- every refused transition ---------------------------------------------------------------------------

    enum Command {
        EDIT(EnumSet.of(DRAFT, RETURNED), r -> r.edit(AUTHOR, aRequirement().titled("改").content(), at(9))),
        SUBMIT(EnumSet.of(DRAFT, RETURNED), r -> r.submit(AUTHOR, at(9))),
        APPROVE(EnumSet.of(SUBMITTED), r -> r.approve(REVIEWER, "同意", at(9))),
        RETURN(EnumSet.of(SUBMITTED), r -> r.returnForRevision(REVIEWER, "补充", at(9))),
        REJECT(EnumSet.of(SUBMITTED), r -> r.reject(REVIEWER, "重复", at(9))),
        PUBLISH(EnumSet.of(APPROVED, PUBLISHED), r -> r.published(at(9)));

        final Set<RequirementStatus> allowedIn;
        final Consumer<Requirement> action;

        Command(Set<RequirementStatus> allowedIn, Consumer<Requirement> action) {
            this.allowedIn = allowedIn;
            this.action = action;
        }
    }

    static Stream<Arguments> refusedTransitions() {
        return Arrays.stream(Command.values()).flatMap(command -> Arrays.stream(RequirementStatus.values())
                .filter(s -> !command.allowedIn.contains(s)).map(s -> Arguments.of(command, s)));
    }

    @ParameterizedTest(name = "{0} is refused in {1}")
    @MethodSource("refusedTransitions")
    void aCommandOutsideItsStatusesIsRefusedAndChangesNothing(Command command, RequirementStatus status) {
        Requirement r = aRequirement().titled("状态机").in(status);
        Instant updated = r.getUpdatedAt();
        String comment = r.getReviewComment();

        DomainProblem refused = assertThrows(Requirement.WrongStatus.class, () -> command.action.accept(r));
        assertEquals("requirement-wrong-status", refused.code());
        assertEquals(DomainProblem.Kind.CONFLICT, refused.kind());
        assertEquals(status, r.getStatus());
        assertEquals("状态机", r.getTitle());
        assertEquals(updated, r.getUpdatedAt());
        assertEquals(comment, r.getReviewComment());
    }
}
