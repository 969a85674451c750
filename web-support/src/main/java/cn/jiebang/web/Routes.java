package cn.jiebang.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every route a service really exposes ("GET /api/challenges/{id}"), its own and the framework's
 * (health, JWKS), read from its router: the authorization matrix tests compare them with their tables,
 * so a new endpoint, or a management endpoint switched on, fails the build until it has an entry.
 */
public final class Routes {

    private Routes() {
    }

    public static SortedSet<String> of(Router router) {
        SortedSet<String> routes = new TreeSet<>();
        router.uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .map(Routes::describe)
                .forEach(routes::add);
        return routes;
    }

    private static String describe(UriRouteInfo<?, ?> route) {
        return route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString();
    }
}
