package cn.jiebang.problem;

import java.util.List;

/**
 * A request the domain refuses, said in the domain's words. Plain Java (no HTTP types), so domain
 * code can throw it; the web layer turns it into an RFC 9457 problem response with a stable
 * {@code type} made from {@link #code()}.
 */
public abstract class DomainProblem extends RuntimeException {

    /** What kind of refusal it is; the web layer maps it to a status code. */
    public enum Kind {
        /** The object does not exist, or the caller may not know that it does. */
        NOT_FOUND,
        /** The object is in a state that does not allow the request (e.g. publishing twice). */
        CONFLICT,
        /** The request is well-formed but breaks a business rule. */
        REJECTED,
        /** The caller could not be identified (e.g. wrong password). */
        UNAUTHORIZED,
        /** The request carries more than the platform accepts (e.g. an attachment above the size limit). */
        TOO_LARGE
    }

    /** One field of the request and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    private final Kind kind;
    private final String code;
    private final List<FieldProblem> fieldProblems;

    protected DomainProblem(Kind kind, String code, String detail) {
        this(kind, code, detail, List.of());
    }

    protected DomainProblem(Kind kind, String code, String detail, List<FieldProblem> fieldProblems) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public Kind kind() {
        return kind;
    }

    /** A stable, lower-case, dashed identifier such as {@code challenge-not-draft}. */
    public String code() {
        return code;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}
