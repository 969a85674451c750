package cn.jiebang.testing;

import cn.jiebang.devstack.Devstack;
import cn.jiebang.devstack.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * The start of a service's integration test: one running service per test class (both annotations are
 * inherited), on a database of its own named after the class and dropped after its last test, with an
 * HTTP client on it and {@link RawHttp} for requests that client would not send as they are. A service's tests extend it through a small base that says what the service needs
 * ({@link #serviceProperties()}); a test adds its own settings in {@link #properties()}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceIT implements TestPropertyProvider {

    protected final TestDatabase db = Devstack.database(getClass().getSimpleName());

    @Inject
    @Client("/")
    protected HttpClient http;

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected JsonMapper json;

    protected RawHttp raw;

    /** Every test of the service needs these: the database and the broker, at least. */
    protected abstract Map<String, String> serviceProperties();

    /** What this test sets beyond its service's needs; read after them, so it wins. */
    protected Map<String, String> properties() {
        return Map.of();
    }

    @Override
    public final Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(serviceProperties());
        properties.putAll(properties());
        return properties;
    }

    /** After injection, before the first test. */
    @BeforeAll
    protected void connectRawHttp() {
        raw = new RawHttp(server.getURL().toString(), json);
    }

    @AfterAll
    protected void dropDatabase() {
        Devstack.drop(db);
    }
}
