package cn.jiebang.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** A request refused as not what the API expects (a header, say): 400; the body comes from {@link ProblemBodyProvider}. */
@Produces
@Singleton
class InvalidRequestHandler implements ExceptionHandler<InvalidRequest, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    InvalidRequestHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, InvalidRequest exception) {
        return errors.processResponse(ErrorContext.builder(request).cause(exception).errorMessage(exception.getMessage())
                .build(), HttpResponse.status(HttpStatus.BAD_REQUEST));
    }
}
