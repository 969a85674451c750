package cn.jiebang.web;

import cn.jiebang.problem.DomainProblem;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every error body of a service, whoever raised it (the router, bean validation, the domain), as
 * {@code application/problem+json}. A 5xx never shows the exception's message. A request the framework
 * could not bind (a query value that is no number, a body that is not the schema) is told in the API's
 * terms, by field, never with the framework's message (it names Java types). Micronaut's default JSON body
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

    /**
     * The request as the API sees it, when the framework could not bind it: the body refused by
     * {@link StrictJsonReader}, a path, query or header value of the wrong type, a required one missing.
     */
    private static InvalidRequest invalidRequest(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof InvalidRequest invalid) {
                return invalid;
            }
        }
        if (cause instanceof ConversionErrorException conversion) {
            Argument<?> argument = conversion.getArgument();
            return isBody(argument) ? new InvalidRequest("the body does not match what this request takes", List.of())
                    : InvalidRequest.of(nameOf(argument), Expectations.of(argument));
        }
        if (cause instanceof UnsatisfiedRouteException unsatisfied) {
            Argument<?> argument = unsatisfied.getArgument();
            return isBody(argument) ? new InvalidRequest("the body is empty; it must be a JSON document", List.of())
                    : InvalidRequest.of(nameOf(argument), "is required");
        }
        if (cause instanceof JsonSyntaxException) {
            return new InvalidRequest("the body is not valid JSON", List.of());
        }
        return null;
    }

    private static boolean isBody(Argument<?> argument) {
        return argument.getAnnotationMetadata().hasAnnotation(Body.class);
    }

    /** As the client writes it: {@code Idempotency-Key}, not {@code idempotencyKey}. */
    private static String nameOf(Argument<?> argument) {
        return argument.getAnnotationMetadata().stringValue(Bindable.class).filter(n -> !n.isEmpty())
                .orElse(argument.getName());
    }

    /** Bean validation paths name the method and parameter ({@code create.request.title}); clients want the field. */
    private static String fieldName(String path) {
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }
}
