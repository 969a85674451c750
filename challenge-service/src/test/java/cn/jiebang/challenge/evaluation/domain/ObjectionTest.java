package cn.jiebang.challenge.evaluation.domain;

import cn.jiebang.challenge.challenge.domain.Round;
import cn.jiebang.challenge.challenge.domain.RoundStatus;
import cn.jiebang.challenge.evaluation.domain.RoundResult.Decision;
import cn.jiebang.events.ObjectionFiled;
import cn.jiebang.events.ObjectionResolved;
import cn.jiebang.problem.DomainProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cn.jiebang.challenge.fixtures.ResultBuilder.ranking;
import static cn.jiebang.challenge.fixtures.RoundBuilder.aRound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 异议: filed by a team of the round during 公示, once per team, then upheld or dismissed once. */
class ObjectionTest {

    private static final String TITLE = "高端光刻胶";

    private final Round round = aRound().withPublicityDays(5).announced();
    private final List<RoundResult> results = ranking(round, 3, 1, Decision.WINNER);
    private final Instant during = round.getAnnouncedAt().plus(Duration.ofDays(1));

    private Objection file(String organizationId, List<Objection> filed, Instant at) {
        return Objection.file(round, results, filed, organizationId, "user-of-" + organizationId, "评分有误", at);
    }

    @Test
    void aTeamOfTheRoundObjectsDuringPublicity() {
        Objection objection = file("org-of-bid-2", List.of(), during);
        assertEquals(Objection.Status.OPEN, objection.getStatus());
        assertEquals(round.getChallengeId(), objection.getChallengeId());
        assertEquals(1, objection.getRoundIndex());
        assertEquals(during, objection.getFiledAt());
        assertEquals(new ObjectionFiled(round.getChallengeId(), TITLE, 1, objection.getId(), "org-of-bid-2",
                "user-of-org-of-bid-2", during), objection.filed(TITLE));
    }

    @Test
    void anEliminatedTeamObjectsAsWellAsOneGoingOn() {
        assertEquals(Objection.Status.OPEN, file("org-of-bid-3", List.of(), during).getStatus());
        assertEquals(Objection.Status.OPEN, file("org-of-bid-1", List.of(), during).getStatus());
    }

    @Test
    void objectionsAreTakenUntilTheLastInstantOfPublicity() {
        assertEquals(Objection.Status.OPEN,
                file("org-of-bid-2", List.of(), round.getPublicityEndsAt().minusNanos(1)).getStatus());
        assertRefused("publicity-over", () -> file("org-of-bid-2", List.of(), round.getPublicityEndsAt()));
    }

    @ParameterizedTest
    @EnumSource(value = RoundStatus.class, names = {"PENDING", "OPEN", "CLOSED", "FINALIZED"})
    void noObjectionOutsidePublicity(RoundStatus status) {
        Round notAnnounced = aRound().in(status);
        assertRefused("publicity-over", () -> Objection.file(notAnnounced, ranking(notAnnounced, 3, 1, Decision.WINNER),
                List.of(), "org-of-bid-2", "user", "评分有误", notAnnounced.getClosesAt().plus(Duration.ofHours(2))));
    }

    @Test
    void anOrganizationWithoutABidInTheRoundDoesNotObject() {
        assertRefused("not-in-round", () -> file("org-elsewhere", List.of(), during));
    }

    @Test
    void aTeamObjectsOncePerRoundAndOthersStillMay() {
        Objection first = file("org-of-bid-2", List.of(), during);
        assertRefused("objection-exists", () -> file("org-of-bid-2", List.of(first), during.plusSeconds(1)));
        assertEquals(Objection.Status.OPEN, file("org-of-bid-3", List.of(first), during.plusSeconds(1)).getStatus());
    }

    @Test
    void aResolvedObjectionStillCountsAsTheTeamsOne() {
        Objection first = file("org-of-bid-2", List.of(), during);
        first.dismiss(TITLE, "评分无误", during.plusSeconds(1));
        assertRefused("objection-exists", () -> file("org-of-bid-2", List.of(first), during.plusSeconds(2)));
    }

    @Test
    void upholdingResolvesItWithTheReason() {
        Objection objection = file("org-of-bid-2", List.of(), during);
        Instant at = during.plus(Duration.ofHours(3));
        ObjectionResolved resolved = objection.uphold(TITLE, "复核后更正", at);
        assertEquals(Objection.Status.UPHELD, objection.getStatus());
        assertEquals("复核后更正", objection.getResolution());
        assertEquals(at, objection.getResolvedAt());
        assertEquals(new ObjectionResolved(round.getChallengeId(), TITLE, 1, objection.getId(), "org-of-bid-2",
                "user-of-org-of-bid-2", "UPHELD", "复核后更正", at), resolved);
    }

    @Test
    void dismissingResolvesItWithTheReason() {
        Objection objection = file("org-of-bid-2", List.of(), during);
        ObjectionResolved resolved = objection.dismiss(TITLE, "评分无误", during.plusSeconds(1));
        assertEquals(Objection.Status.DISMISSED, objection.getStatus());
        assertEquals("DISMISSED", resolved.outcome());
        assertEquals("评分无误", resolved.resolution());
    }

    @ParameterizedTest
    @EnumSource(value = Objection.Status.class, names = {"UPHELD", "DISMISSED"})
    void aResolvedObjectionIsNotResolvedAgain(Objection.Status first) {
        Objection objection = file("org-of-bid-2", List.of(), during);
        Instant resolvedAt = during.plusSeconds(1);
        if (first == Objection.Status.UPHELD) {
            objection.uphold(TITLE, "更正", resolvedAt);
        } else {
            objection.dismiss(TITLE, "无误", resolvedAt);
        }
        assertRefused("objection-resolved", () -> objection.uphold(TITLE, "再议", resolvedAt.plusSeconds(1)));
        assertRefused("objection-resolved", () -> objection.dismiss(TITLE, "再议", resolvedAt.plusSeconds(1)));
        assertEquals(first, objection.getStatus());
        assertEquals(resolvedAt, objection.getResolvedAt());
    }

    @Test
    void aNewObjectionIsUnresolved() {
        Objection objection = file("org-of-bid-2", List.of(), during);
        assertNull(objection.getResolution());
        assertNull(objection.getResolvedAt());
    }

    private static void assertRefused(String code, Runnable action) {
        DomainProblem refused = assertThrows(DomainProblem.class, action::run);
        assertEquals(code, refused.code());
        assertEquals(DomainProblem.Kind.CONFLICT, refused.kind());
    }
}
