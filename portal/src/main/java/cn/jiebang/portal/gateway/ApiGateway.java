package cn.jiebang.portal.gateway;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/**} on the portal's origin: each request is forwarded, as it is, to the service that owns
 * its route in the {@link RouteTable}; the service authenticates the bearer token and authorizes.
 * The portal's session cookie is never forwarded. A path in no route is a 404 problem here.
 */
@Filter("/api/**")
class ApiGateway implements HttpServerFilter {

    private static final List<String> HOP_BY_HOP = List.of(HttpHeaders.CONNECTION, "Keep-Alive",
            HttpHeaders.PROXY_AUTHENTICATE, HttpHeaders.PROXY_AUTHORIZATION, HttpHeaders.TE, HttpHeaders.TRAILER,
            HttpHeaders.TRANSFER_ENCODING, HttpHeaders.UPGRADE, HttpHeaders.HOST, HttpHeaders.COOKIE);

    private final RouteTable table = RouteTable.load();
    private final ProxyHttpClient proxy;
    private final Map<String, URI> services;

    ApiGateway(ProxyHttpClient proxy,
               @Value("${jiebang.services.challenge-service}") URI challenge,
               @Value("${jiebang.services.bid-service}") URI bid,
               @Value("${jiebang.services.notification-service}") URI notification) {
        this.proxy = proxy;
        this.services = Map.of("challenge-service", challenge, "bid-service", bid, "notification-service", notification);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return table.match(request.getMethod(), request.getPath())
                .map(target -> forward(request, target))
                .orElseGet(() -> Publishers.just(notFound(request)));
    }

    private Publisher<MutableHttpResponse<?>> forward(HttpRequest<?> request, RouteTable.Target target) {
        URI base = services.get(target.service());
        MutableHttpRequest<?> upstream = request.mutate().uri(b -> b.scheme(base.getScheme()).host(base.getHost())
                .port(base.getPort()).replacePath(target.path()));
        HOP_BY_HOP.forEach(upstream.getHeaders()::remove);
        upstream.getHeaders().add("X-Forwarded-Host", request.getHeaders().get(HttpHeaders.HOST, String.class).orElse(""));
        return proxy.proxy(upstream);
    }

    private MutableHttpResponse<?> notFound(HttpRequest<?> request) {
        boolean otherMethod = table.knowsPath(request.getPath());
        HttpStatus status = otherMethod ? HttpStatus.METHOD_NOT_ALLOWED : HttpStatus.NOT_FOUND;
        String code = otherMethod ? "method-not-allowed" : "not-found";
        String body = "{\"type\":\"https://jiebang.cn/problems/" + code + "\",\"title\":\"" + status.getReason()
                + "\",\"status\":" + status.getCode() + ",\"detail\":\"no API route " + request.getMethod() + " "
                + request.getPath().replace("\\", "").replace("\"", "") + "\"}";
        return HttpResponse.status(status).contentType(MediaType.of("application/problem+json")).body(body);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
