package cn.jiebang.web;

import cn.jiebang.problem.DomainProblem;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Maps a domain refusal to its status: 401, 404, 409 or 422; the body comes from {@link ProblemBodyProvider}. */
@Produces
@Singleton
@Requires(classes = {DomainProblem.class, ExceptionHandler.class})
class DomainProblemHandler implements ExceptionHandler<DomainProblem, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    DomainProblemHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DomainProblem problem) {
        HttpStatus status = switch (problem.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case REJECTED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
        };
        return errors.processResponse(ErrorContext.builder(request).cause(problem).errorMessage(problem.getMessage()).build(),
                HttpResponse.status(status));
    }
}
