package cn.jiebang.web;

import cn.jiebang.problem.DomainProblem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every error body of a service, whoever raised it (the router, bean validation, the domain), as
 * {@code application/problem+json}. A 5xx never shows the exception's message. A body
 * {@link StrictJsonReader} refused is told by field, in the API's terms. Micronaut's default JSON body
 * provider steps aside when this bean exists.
 */
@Singleton
class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    static final String INVALID_REQUEST = "invalid-request";

    @Override
    public String contentType() {
        return Problems.MEDIA_TYPE;
    }

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        String title = HttpStatus.valueOf(status).getReason();
        String instance = context.getRequest().getPath();
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof DomainProblem problem) {
            return new Problem(Problems.type(problem.code()), title, status, problem.getMessage(), instance,
                    problem.fieldProblems().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList());
        }
        InvalidRequest invalid = status < 500 ? invalidRequest(cause) : null;
        if (invalid != null) {
            return new Problem(Problems.type(INVALID_REQUEST), title, status, invalid.getMessage(), instance,
                    invalid.errors().stream().sorted(Comparator.comparing(Problem.FieldError::field)).toList());
        }
        List<Problem.FieldError> fields = cause instanceof ConstraintViolationException violations
                ? violations.getConstraintViolations().stream()
                        .map(v -> new Problem.FieldError(fieldName(v.getPropertyPath().toString()), v.getMessage()))
                        .sorted(Comparator.comparing(Problem.FieldError::field))
                        .toList()
                : List.of();
        String detail = status >= 500
                ? "The server could not complete the request; it has been logged."
                : fields.isEmpty()
                        ? context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "))
                        : fields.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        String code = fields.isEmpty() ? title.toLowerCase(Locale.ROOT).replace(' ', '-') : INVALID_REQUEST;
        return new Problem(Problems.type(code), title, status, detail.isEmpty() ? null : detail, instance, fields);
    }

    /** The body {@link StrictJsonReader} refused: the binder reports it as the cause of a conversion error. */
    private static InvalidRequest invalidRequest(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof InvalidRequest invalid) {
                return invalid;
            }
        }
        return null;
    }

    /** Bean validation paths name the method and parameter ({@code create.request.title}); clients want the field. */
    private static String fieldName(String path) {
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }
}
