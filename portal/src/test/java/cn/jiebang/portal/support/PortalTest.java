package cn.jiebang.portal.support;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * Base of the portal's controller and view tests: the portal on a random port, with all three services
 * played by one {@link FakeServices}. Annotate the subclass with {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PortalTest implements TestPropertyProvider {

    protected final FakeServices fake = new FakeServices();

    @Inject
    protected EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("jiebang.services.challenge-service", fake.url(),
                "jiebang.services.bid-service", fake.url(),
                "jiebang.services.notification-service", fake.url());
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    /** A fresh browser: no cookies, Chinese. */
    protected PortalClient browser() {
        return new PortalClient(server.getURL().toString());
    }
}
