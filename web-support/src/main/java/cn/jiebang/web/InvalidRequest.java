package cn.jiebang.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request that is not what the API expects, said in the API's terms: what is wrong with the whole of it
 * ({@code detail}) and, where a field is to blame, that field by its JSON path ({@code rounds[0].criteria[1].weight})
 * or header name, with what was expected. Answered 400 {@code invalid-request}.
 */
public class InvalidRequest extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public InvalidRequest(String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** One field and what is wrong with it. */
    public static InvalidRequest of(String field, String message) {
        return ofFields(List.of(new Problem.FieldError(field, message)));
    }

    /** What is wrong, field by field; a field named "" is the body as a whole, told in the detail only. */
    public static InvalidRequest ofFields(List<Problem.FieldError> errors) {
        return new InvalidRequest(errors.stream().map(e -> (e.field().isEmpty() ? "the body" : e.field()) + " " + e.message())
                .collect(Collectors.joining("; ")), errors.stream().filter(e -> !e.field().isEmpty()).toList());
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
