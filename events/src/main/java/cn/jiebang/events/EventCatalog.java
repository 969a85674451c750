package cn.jiebang.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type the platform knows: the single list producers, consumers and docs agree on. */
public final class EventCatalog {

    public static final EventType<ChallengePublished> CHALLENGE_PUBLISHED =
            new EventType<>(ChallengePublished.TYPE, Topics.CHALLENGE_EVENTS, ChallengePublished.class);

    public static final EventType<ChallengeAmended> CHALLENGE_AMENDED =
            new EventType<>(ChallengeAmended.TYPE, Topics.CHALLENGE_EVENTS, ChallengeAmended.class);

    public static final EventType<ChallengeCancelled> CHALLENGE_CANCELLED =
            new EventType<>(ChallengeCancelled.TYPE, Topics.CHALLENGE_EVENTS, ChallengeCancelled.class);

    public static final EventType<ChallengeBiddingClosed> CHALLENGE_BIDDING_CLOSED =
            new EventType<>(ChallengeBiddingClosed.TYPE, Topics.CHALLENGE_EVENTS, ChallengeBiddingClosed.class);

    public static final EventType<ChallengeFailed> CHALLENGE_FAILED =
            new EventType<>(ChallengeFailed.TYPE, Topics.CHALLENGE_EVENTS, ChallengeFailed.class);

    public static final EventType<RoundOpened> ROUND_OPENED =
            new EventType<>(RoundOpened.TYPE, Topics.CHALLENGE_EVENTS, RoundOpened.class);

    public static final EventType<ScreeningStarted> SCREENING_STARTED =
            new EventType<>(ScreeningStarted.TYPE, Topics.BID_EVENTS, ScreeningStarted.class);

    public static final EventType<ScreeningCompleted> SCREENING_COMPLETED =
            new EventType<>(ScreeningCompleted.TYPE, Topics.BID_EVENTS, ScreeningCompleted.class);

    public static final EventType<BidSubmitted> BID_SUBMITTED =
            new EventType<>(BidSubmitted.TYPE, Topics.BID_EVENTS, BidSubmitted.class);

    public static final EventType<BidRevised> BID_REVISED =
            new EventType<>(BidRevised.TYPE, Topics.BID_EVENTS, BidRevised.class);

    public static final EventType<BidWithdrawn> BID_WITHDRAWN =
            new EventType<>(BidWithdrawn.TYPE, Topics.BID_EVENTS, BidWithdrawn.class);

    public static final EventType<BidScreened> BID_SCREENED =
            new EventType<>(BidScreened.TYPE, Topics.BID_EVENTS, BidScreened.class);

    public static final EventType<JudgesAssigned> JUDGES_ASSIGNED =
            new EventType<>(JudgesAssigned.TYPE, Topics.BID_EVENTS, JudgesAssigned.class);

    public static final EventType<AssignmentScored> ASSIGNMENT_SCORED =
            new EventType<>(AssignmentScored.TYPE, Topics.BID_EVENTS, AssignmentScored.class);

    public static final EventType<ScoringCompleted> SCORING_COMPLETED =
            new EventType<>(ScoringCompleted.TYPE, Topics.BID_EVENTS, ScoringCompleted.class);

    public static final EventType<RoundClosed> ROUND_CLOSED =
            new EventType<>(RoundClosed.TYPE, Topics.CHALLENGE_EVENTS, RoundClosed.class);

    public static final EventType<RoundRanked> ROUND_RANKED =
            new EventType<>(RoundRanked.TYPE, Topics.BID_EVENTS, RoundRanked.class);

    public static final EventType<RoundAnnounced> ROUND_ANNOUNCED =
            new EventType<>(RoundAnnounced.TYPE, Topics.CHALLENGE_EVENTS, RoundAnnounced.class);

    public static final EventType<RoundFinalized> ROUND_FINALIZED =
            new EventType<>(RoundFinalized.TYPE, Topics.CHALLENGE_EVENTS, RoundFinalized.class);

    public static final EventType<ChallengeAwarded> CHALLENGE_AWARDED =
            new EventType<>(ChallengeAwarded.TYPE, Topics.CHALLENGE_EVENTS, ChallengeAwarded.class);

    public static final EventType<ObjectionFiled> OBJECTION_FILED =
            new EventType<>(ObjectionFiled.TYPE, Topics.CHALLENGE_EVENTS, ObjectionFiled.class);

    public static final EventType<ObjectionResolved> OBJECTION_RESOLVED =
            new EventType<>(ObjectionResolved.TYPE, Topics.CHALLENGE_EVENTS, ObjectionResolved.class);

    public static final EventType<FundingReleased> FUNDING_RELEASED =
            new EventType<>(FundingReleased.TYPE, Topics.CHALLENGE_EVENTS, FundingReleased.class);

    public static final EventType<OrganizationRegistered> ORGANIZATION_REGISTERED =
            new EventType<>(OrganizationRegistered.TYPE, Topics.ACCOUNT_EVENTS, OrganizationRegistered.class);

    public static final EventType<OrganizationUpdated> ORGANIZATION_UPDATED =
            new EventType<>(OrganizationUpdated.TYPE, Topics.ACCOUNT_EVENTS, OrganizationUpdated.class);

    public static final EventType<UserRegistered> USER_REGISTERED =
            new EventType<>(UserRegistered.TYPE, Topics.ACCOUNT_EVENTS, UserRegistered.class);

    public static final EventType<UserUpdated> USER_UPDATED =
            new EventType<>(UserUpdated.TYPE, Topics.ACCOUNT_EVENTS, UserUpdated.class);

    public static final EventType<RequirementSubmitted> REQUIREMENT_SUBMITTED =
            new EventType<>(RequirementSubmitted.TYPE, Topics.CHALLENGE_EVENTS, RequirementSubmitted.class);

    public static final EventType<RequirementReviewed> REQUIREMENT_REVIEWED =
            new EventType<>(RequirementReviewed.TYPE, Topics.CHALLENGE_EVENTS, RequirementReviewed.class);

    private static final List<EventType<?>> ALL = List.of(
            CHALLENGE_PUBLISHED, CHALLENGE_AMENDED, CHALLENGE_CANCELLED, CHALLENGE_BIDDING_CLOSED,
            CHALLENGE_FAILED, ROUND_OPENED, SCREENING_STARTED, SCREENING_COMPLETED,
            BID_SUBMITTED, BID_REVISED, BID_WITHDRAWN, BID_SCREENED,
            JUDGES_ASSIGNED, ASSIGNMENT_SCORED, SCORING_COMPLETED, ROUND_CLOSED, ROUND_RANKED,
            ROUND_ANNOUNCED, ROUND_FINALIZED, CHALLENGE_AWARDED, OBJECTION_FILED, OBJECTION_RESOLVED, FUNDING_RELEASED,
            ORGANIZATION_REGISTERED, ORGANIZATION_UPDATED, USER_REGISTERED, USER_UPDATED,
            REQUIREMENT_SUBMITTED, REQUIREMENT_REVIEWED);

    private static final Map<String, EventType<?>> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private static final Map<Class<?>, EventType<?>> BY_PAYLOAD =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::payload, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    @SuppressWarnings("unchecked")
    public static <E extends DomainEvent> EventType<E> of(E event) {
        EventType<?> type = BY_PAYLOAD.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not in the event catalog");
        }
        return (EventType<E>) type;
    }
}
