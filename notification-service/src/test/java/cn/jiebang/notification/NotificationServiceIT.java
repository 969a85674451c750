package cn.jiebang.notification;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestTokens;
import cn.jiebang.events.UserRegistered;
import cn.jiebang.testing.Events;
import cn.jiebang.testing.ServiceIT;
import cn.jiebang.testing.Sql;
import io.micronaut.http.HttpRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** A notification-service integration test: the service trusting the test tokens, sending to the test mail server. */
abstract class NotificationServiceIT extends ServiceIT {

    final TestTokens tokens = TestTokens.shared();

    @Override
    protected Map<String, String> serviceProperties() {
        Map<String, String> properties = new HashMap<>(Devstack.resourceServerProperties(db));
        properties.putAll(Devstack.mail().serviceProperties());
        return properties;
    }

    /** A registered TEAM user following a field; returns its token. */
    String followerOf(String field, String userId, String organization, String email, String language) {
        Events.deliver(new UserRegistered(userId, organization, "用户", email, List.of("TEAM"), List.of(), language,
                Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Sql.count(db, "SELECT COUNT(*) FROM recipient WHERE user_id = '" + userId + "'") == 1);
        String token = tokens.token(userId, organization, "TEAM");
        http.toBlocking().exchange(HttpRequest.PUT("/api/subscriptions", Map.of("fields", List.of(field),
                "regions", List.of())).bearerAuth(token));
        return token;
    }
}
