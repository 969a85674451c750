package cn.jiebang.bid;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestTokens;
import cn.jiebang.events.ChallengePublished;
import cn.jiebang.events.OrganizationRegistered;
import cn.jiebang.testing.Events;
import cn.jiebang.testing.ServiceIT;
import cn.jiebang.testing.Sql;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** A bid-service integration test: the service trusting the test tokens, and what it learns from events. */
abstract class BidServiceIT extends ServiceIT {

    final TestTokens tokens = TestTokens.shared();

    @Override
    protected Map<String, String> serviceProperties() {
        return Devstack.resourceServerProperties(db);
    }

    /** Delivers the challenge as challenge-service publishes it and waits until bid-service has it; its id. */
    String published(ChallengePublished challenge) {
        String id = challenge.challengeId();
        Events.deliver(challenge);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Sql.count(db, "SELECT COUNT(*) FROM bidding_challenge WHERE challenge_id = '" + id + "'") == 1);
        return id;
    }

    /** Registers the organization as challenge-service announces it and waits until bid-service knows it; its id. */
    String knownOrganization(String id, String region, String kind) {
        Events.deliver(new OrganizationRegistered(id, "团队 " + id, "91110108MA01ABCDEN", region, kind, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Sql.count(db, "SELECT COUNT(*) FROM known_organization WHERE organization_id = '" + id + "'") == 1);
        return id;
    }
}
