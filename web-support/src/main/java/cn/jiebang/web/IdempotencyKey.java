package cn.jiebang.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.util.List;

/**
 * The {@code Idempotency-Key} header as the client sent it. Read from the headers themselves: Micronaut binds
 * an empty header value as no value, and an empty key taken for "no key" would let two retries make two
 * bids. No header is no key; a header that is there must hold 1–100 characters, not all blank, once.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 100;

    private IdempotencyKey() {
    }

    /** The key, or null when the request has none; an empty, blank, repeated or too long key is an {@link InvalidRequest}. */
    @Nullable
    public static String of(HttpRequest<?> request) {
        List<String> values = request.getHeaders().getAll(HEADER);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw InvalidRequest.of(HEADER, "must be sent once");
        }
        String key = values.get(0);
        if (key.isBlank()) {
            throw InvalidRequest.of(HEADER, "must not be empty or blank; to send no key, leave the header out");
        }
        if (key.length() > MAX_LENGTH) {
            throw InvalidRequest.of(HEADER, "must be at most " + MAX_LENGTH + " characters");
        }
        return key;
    }
}
