package cn.jiebang.portal.upstream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A service refused what the person asked (a 4xx problem+json): a page shows the field errors next to
 * their fields and the rest as a message in the person's language, keyed by the problem's type.
 */
public class UpstreamProblem extends RuntimeException {

    private final int status;
    private final Body body;

    public UpstreamProblem(int status, Body body) {
        super(status + " " + body.type(), null, false, false);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem type, e.g. {@code invalid-bid}: the key of its message. */
    public String code() {
        String type = body.type() == null ? "" : body.type();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    @Nullable
    public String detail() {
        return body.detail();
    }

    public List<FieldError> errors() {
        return body.errors() == null ? List.of() : body.errors();
    }

    /** Field path → the messages for it, e.g. {@code committedIndicators[0].value}. */
    public Map<String, String> fieldErrors() {
        return errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message,
                (a, b) -> a + "; " + b, java.util.LinkedHashMap::new));
    }

    @Serdeable
    public record Body(@Nullable String type, @Nullable String title, int status, @Nullable String detail,
                       @Nullable List<FieldError> errors) {
    }

    @Serdeable
    public record FieldError(String field, String message) {
    }
}
