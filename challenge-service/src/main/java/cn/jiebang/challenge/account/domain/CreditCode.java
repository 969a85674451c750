package cn.jiebang.challenge.account.domain;

import cn.jiebang.problem.DomainProblem;
import cn.jiebang.problem.DomainProblem.FieldProblem;

import java.util.List;
import java.util.Locale;

/**
 * A unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, S, V, Z); characters 3–8 are the administrative division code; the last is a
 * check character over the first 17 with weights 3^(i) mod 31.
 */
public record CreditCode(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidCreditCode(value, problem);
        }
    }

    /** Accepts lower-case letters and surrounding blanks, as people type them. */
    public static CreditCode parse(String text) {
        return new CreditCode(text == null ? null : text.strip().toUpperCase(Locale.ROOT));
    }

    /** The full code for its first 17 characters: appends the check character GB 32100 asks for. */
    public static CreditCode completing(String first17) {
        return new CreditCode(first17 + checkCharacter(first17));
    }

    private static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    static String problemWith(String code) {
        if (code == null || code.length() != 18) {
            return "must be 18 characters";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "character " + (i + 1) + " ('" + code.charAt(i) + "') is not allowed (digits and A-Y without I, O, S, V)";
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return "characters 3 to 8 are the administrative division code and must be digits";
            }
        }
        char expected = checkCharacter(code);
        if (code.charAt(17) != expected) {
            return "check character is '" + code.charAt(17) + "' but should be '" + expected + "': the code is mistyped";
        }
        return null;
    }

    public static class InvalidCreditCode extends DomainProblem {
        InvalidCreditCode(String code, String problem) {
            super(Kind.REJECTED, "invalid-credit-code", "unified social credit code " + code + ": " + problem,
                    List.of(new FieldProblem("creditCode", problem)));
        }
    }
}
