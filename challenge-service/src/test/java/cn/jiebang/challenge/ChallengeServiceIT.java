package cn.jiebang.challenge;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.testing.ServiceIT;
import org.junit.jupiter.api.BeforeAll;

import java.util.HashMap;
import java.util.Map;

/** A challenge-service integration test: the service with its bootstrap program office, and its API. */
abstract class ChallengeServiceIT extends ServiceIT {

    Api api;

    @Override
    protected Map<String, String> serviceProperties() {
        Map<String, String> properties = new HashMap<>(Devstack.serviceProperties(db));
        properties.putAll(Api.bootstrapAdmin());
        return properties;
    }

    /** After injection: the client is there from here on. */
    @BeforeAll
    void connectApi() {
        api = new Api(http);
    }
}
