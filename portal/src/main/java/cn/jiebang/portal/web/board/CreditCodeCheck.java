package cn.jiebang.portal.web.board;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Locale;

/**
 * The portal's copy of challenge-service's {@code CreditCode} rule (GB 32100-2015), so the application
 * form can say while a person types whether their 统一社会信用代码 is well formed and, if not, why. The
 * service checks it again on submit; this only saves a round trip and speaks the person's language.
 */
final class CreditCodeCheck {

    static final int LENGTH = 18;
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodeCheck() {
    }

    /** What is wrong, as a message key of the {@code public} bundle and its arguments; {@code VALID} when nothing is. */
    enum Verdict {
        EMPTY("public.apply.credit-code.empty"),
        INCOMPLETE("public.apply.credit-code.incomplete"),
        TOO_LONG("public.apply.credit-code.too-long"),
        BAD_CHARACTER("public.apply.credit-code.bad-character"),
        BAD_DIVISION("public.apply.credit-code.bad-division"),
        BAD_CHECK("public.apply.credit-code.bad-check"),
        VALID("public.apply.credit-code.valid");

        final String key;

        Verdict(String key) {
            this.key = key;
        }
    }

    record Result(Verdict verdict, String code, List<Object> args) {

        boolean valid() {
            return verdict == Verdict.VALID;
        }

        /** Too short so far is no mistake yet while typing. */
        boolean incomplete() {
            return verdict == Verdict.INCOMPLETE || verdict == Verdict.EMPTY;
        }

        String key() {
            return verdict.key;
        }

        Object[] arguments() {
            return args.toArray();
        }
    }

    /** Reads the code as people type it: blanks around it and lower-case letters are accepted, as by the service. */
    static String normalize(@Nullable String text) {
        return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    }

    static Result check(@Nullable String text) {
        String code = normalize(text);
        if (code.isEmpty()) {
            return new Result(Verdict.EMPTY, code, List.of());
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return new Result(Verdict.BAD_CHARACTER, code, List.of(i + 1, String.valueOf(code.charAt(i))));
            }
        }
        for (int i = 2; i < Math.min(8, code.length()); i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return new Result(Verdict.BAD_DIVISION, code, List.of());
            }
        }
        if (code.length() < LENGTH) {
            return new Result(Verdict.INCOMPLETE, code, List.of(code.length(), LENGTH));
        }
        if (code.length() > LENGTH) {
            return new Result(Verdict.TOO_LONG, code, List.of(code.length(), LENGTH));
        }
        char expected = checkCharacter(code);
        if (code.charAt(17) != expected) {
            return new Result(Verdict.BAD_CHECK, code, List.of(String.valueOf(code.charAt(17)), String.valueOf(expected)));
        }
        return new Result(Verdict.VALID, code, List.of());
    }

    private static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
