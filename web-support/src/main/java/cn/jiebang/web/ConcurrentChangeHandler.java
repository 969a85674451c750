package cn.jiebang.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Two requests racing for the same thing: a stale version (optimistic lock) or a unique key taken a
 * moment ago by another request. The loser gets 409 and may retry; anything else stays a 500.
 */
@Produces
@Singleton
@Requires(classes = {DataAccessException.class, ExceptionHandler.class})
class ConcurrentChangeHandler implements ExceptionHandler<DataAccessException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentChangeHandler.class);

    private final ErrorResponseProcessor<?> errors;

    ConcurrentChangeHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DataAccessException exception) {
        boolean conflict = exception instanceof OptimisticLockException || causedByUniqueKey(exception);
        if (!conflict) {
            LOG.error("{} {} failed", request.getMethodName(), request.getPath(), exception);
        }
        HttpStatus status = conflict ? HttpStatus.CONFLICT : HttpStatus.INTERNAL_SERVER_ERROR;
        String message = conflict ? "another request changed the same data at the same moment; reload and retry"
                : "the server could not complete the request";
        return errors.processResponse(ErrorContext.builder(request).cause(exception).errorMessage(message).build(),
                HttpResponse.status(status));
    }

    private static boolean causedByUniqueKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
