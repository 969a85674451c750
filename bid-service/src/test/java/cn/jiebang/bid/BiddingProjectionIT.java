package cn.jiebang.bid;

import cn.jiebang.testing.Published;
import cn.jiebang.testing.Sql;
import cn.jiebang.testing.Events;
import cn.jiebang.events.ChallengeAmended;
import cn.jiebang.events.ChallengeCancelled;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.testing.ConsumerGroups;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BiddingProjectionIT extends BidServiceIT {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    ApplicationContext context;

    @Test
    void publishedChallengeIsOpenForBidsUntilItsDeadline() {
        String id = UUID.randomUUID().toString();
        Instant closes = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        deliver(UUID.randomUUID().toString(), published(id, "脑机接口 𠀀", Instant.now().minus(1, ChronoUnit.HOURS), closes));

        Map<String, Object> bidding = awaitBidding(id);
        assertEquals(true, bidding.get("open"));
        assertEquals(closes, Instant.parse((String) bidding.get("closesAt")));
        assertEquals("脑机接口 𠀀", bidding.get("title"));
    }

    @Test
    void challengeNotYetOpenSaysWhenItOpens() {
        String id = UUID.randomUUID().toString();
        Instant opens = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        deliver(UUID.randomUUID().toString(), published(id, "later", opens, opens.plus(30, ChronoUnit.DAYS)));

        Map<String, Object> bidding = awaitBidding(id);
        assertEquals(false, bidding.get("open"));
        assertEquals(opens, Instant.parse((String) bidding.get("opensAt")));
    }

    @Test
    void sameEventDeliveredTwiceIsAppliedOnce() {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Instant opens = Instant.now().minus(1, ChronoUnit.HOURS);
        Instant closes = Instant.now().plus(7, ChronoUnit.DAYS);
        deliver(eventId, published(id, "first delivery", opens, closes));
        // a redelivery must not be applied again: same ce_id, so the changed title must not show
        deliver(eventId, published(id, "second delivery", opens, closes));
        String marker = UUID.randomUUID().toString();
        deliver(UUID.randomUUID().toString(), published(marker, "marker", opens, closes));

        awaitBidding(marker);
        assertEquals("first delivery", awaitBidding(id).get("title"));
        assertEquals(1, count("SELECT COUNT(*) FROM processed_event WHERE event_id = '" + eventId + "'"));
        assertEquals(1, count("SELECT COUNT(*) FROM bidding_challenge WHERE challenge_id = '" + id + "'"));
    }

    @Test
    void anExtendedDeadlineMovesTheWindowAndACancellationClosesIt() {
        String id = UUID.randomUUID().toString();
        Instant opens = Instant.now().minus(1, ChronoUnit.HOURS);
        Instant closes = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        deliver(UUID.randomUUID().toString(), published(id, "延期", opens, closes));
        Instant later = closes.plus(7, ChronoUnit.DAYS);
        Events.deliver(new ChallengeAmended(id, "延期", "DEADLINE_EXTENDED", "延期一周", closes, later, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> later.equals(Instant.parse((String) awaitBidding(id).get("closesAt"))));

        Events.deliver(new ChallengeCancelled(id, "延期", "撤榜", Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.TRUE.equals(awaitBidding(id).get("cancelled")));
        assertEquals(false, awaitBidding(id).get("open"));
    }

    @Test
    void unknownChallengeIsA404Problem() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET("/api/challenges/" + UUID.randomUUID() + "/bidding"), JSON));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    }

    private Map<String, Object> awaitBidding(String id) {
        return await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(HttpClientResponseException.class)
                .until(() -> http.toBlocking().retrieve(HttpRequest.GET("/api/challenges/" + id + "/bidding"), JSON),
                        body -> body != null);
    }

    private static ChallengePublished published(String id, String title, Instant opens, Instant closes) {
        return Published.challenge(id, title, "BRAIN_COMPUTER_INTERFACE",
                new BigDecimal("5000000.00"), opens, closes);
    }

    private static void deliver(String eventId, ChallengePublished event) {
        Events.deliver(eventId, event);
    }

    private long count(String sql) {
        return Sql.count(db, sql);
    }

    @Test
    void itsConsumerIsAStaticMemberOfItsGroupUnderThisInstancesId() {
        String instanceId = context.getRequiredProperty("jiebang.kafka.instance-id", String.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> ConsumerGroups.staticMembers("bid-service").contains(instanceId));
    }
}
