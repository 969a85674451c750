package cn.jiebang.portal.upstream;

import cn.jiebang.portal.session.SignInRequired;
import cn.jiebang.portal.session.Visitor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pages' one way to the services: each call carries the signed-in visitor's own token, so the
 * services decide what the person may see and do; the portal adds no authorization of its own.
 */
@Singleton
public class Upstream {

    private final Map<Service, HttpClient> clients = new EnumMap<>(Service.class);
    private final ObjectMapper json;

    Upstream(@Client(id = "challenge-service") HttpClient challenge, @Client(id = "bid-service") HttpClient bid,
             @Client(id = "notification-service") HttpClient notification, ObjectMapper json) {
        clients.put(Service.CHALLENGE, challenge);
        clients.put(Service.BID, bid);
        clients.put(Service.NOTIFICATION, notification);
        this.json = json;
    }

    public <T> T get(Service service, String uri, @Nullable Visitor visitor, Class<T> type) {
        return exchange(service, HttpRequest.GET(uri), visitor, Argument.of(type)).body();
    }

    public <T> T get(Service service, String uri, @Nullable Visitor visitor, Argument<T> type) {
        return exchange(service, HttpRequest.GET(uri), visitor, type).body();
    }

    /** The body, or empty for a 404 (an object the visitor may not see is answered the same way). */
    public <T> Optional<T> find(Service service, String uri, @Nullable Visitor visitor, Class<T> type) {
        try {
            return Optional.ofNullable(get(service, uri, visitor, type));
        } catch (UpstreamProblem problem) {
            if (problem.status() == 404) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    public <T> T post(Service service, String uri, Object body, @Nullable Visitor visitor, Class<T> type) {
        return exchange(service, HttpRequest.POST(uri, body).contentType(MediaType.APPLICATION_JSON_TYPE), visitor,
                Argument.of(type)).body();
    }

    public <T> T put(Service service, String uri, Object body, @Nullable Visitor visitor, Class<T> type) {
        return exchange(service, HttpRequest.PUT(uri, body).contentType(MediaType.APPLICATION_JSON_TYPE), visitor,
                Argument.of(type)).body();
    }

    public <T> HttpResponse<T> exchange(Service service, MutableHttpRequest<?> request, @Nullable Visitor visitor,
                                        Argument<T> type) {
        if (visitor != null && visitor.isSignedIn()) {
            request.bearerAuth(visitor.token());
        }
        request.accept(MediaType.APPLICATION_JSON_TYPE);
        try {
            return clients.get(service).toBlocking().exchange(request, type, Argument.of(String.class));
        } catch (HttpClientResponseException e) {
            throw translate(service, e, visitor);
        } catch (HttpClientException e) {
            throw new ServiceUnavailable(service, e);
        }
    }

    private RuntimeException translate(Service service, HttpClientResponseException e, @Nullable Visitor visitor) {
        int status = e.getStatus().getCode();
        if (status == HttpStatus.UNAUTHORIZED.getCode()) {
            return new SignInRequired(visitor != null && visitor.isSignedIn());
        }
        if (status >= 500 || status < 400) {
            return new ServiceUnavailable(service, e);
        }
        UpstreamProblem.Body body = e.getResponse().getBody(String.class).map(this::parse)
                .orElseGet(() -> new UpstreamProblem.Body(null, null, status, null, null));
        return new UpstreamProblem(status, body);
    }

    private UpstreamProblem.Body parse(String text) {
        try {
            return json.readValue(text, UpstreamProblem.Body.class);
        } catch (IOException | RuntimeException e) {
            return new UpstreamProblem.Body(null, null, 0, null, null);
        }
    }
}
