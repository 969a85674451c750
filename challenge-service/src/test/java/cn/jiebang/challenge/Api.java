package cn.jiebang.challenge;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.Map;

/** The challenge-service API as a test calls it: with a bearer token or none, answers as maps. */
record Api(HttpClient http) {

    static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    static final String ADMIN_EMAIL = "office@jiebang.test";
    static final String ADMIN_PASSWORD = "office-password-1";

    static Map<String, String> bootstrapAdmin() {
        return Map.of("jiebang.bootstrap.admin.email", ADMIN_EMAIL, "jiebang.bootstrap.admin.password", ADMIN_PASSWORD);
    }

    String token(String email, String password) {
        return (String) post(null, "/api/auth/token", Map.of("email", email, "password", password)).get("accessToken");
    }

    String adminToken() {
        return token(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    Map<String, Object> post(String token, String path, Object body) {
        return http.toBlocking().retrieve(auth(HttpRequest.POST(path, body), token), JSON);
    }

    Map<String, Object> put(String token, String path, Object body) {
        return http.toBlocking().retrieve(auth(HttpRequest.PUT(path, body), token), JSON);
    }

    Map<String, Object> get(String token, String path) {
        return http.toBlocking().retrieve(auth(HttpRequest.GET(path), token), JSON);
    }

    /** The status of any request, successful or not. */
    int status(MutableHttpRequest<?> request, String token) {
        try {
            HttpResponse<?> response = http.toBlocking().exchange(auth(request, token));
            return response.code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    static <T> MutableHttpRequest<T> auth(MutableHttpRequest<T> request, String token) {
        return token == null ? request : request.bearerAuth(token);
    }
}
