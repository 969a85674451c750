package cn.jiebang.portal.web.board;

import cn.jiebang.portal.web.board.CreditCodeCheck.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same codes as challenge-service's CreditCodeTest: the portal and the service agree on every one. */
class CreditCodeCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "9144030071526726XG", "91330100716105852F", "91350100M000100Y43",
            "12100000400000624D"})
    void acceptsRealCodes(String code) {
        assertTrue(CreditCodeCheck.check(code).valid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038217", "9144030071526726XH", "91330100716105852E", "12100000400000624C"})
    void rejectsAWrongCheckCharacterSayingWhichItShouldBe(String code) {
        CreditCodeCheck.Result result = CreditCodeCheck.check(code);
        assertEquals(Verdict.BAD_CHECK, result.verdict());
        assertEquals(List.of(code.substring(17), expectedFor(code)), result.args());
    }

    private static String expectedFor(String code) {
        return switch (code) {
            case "914403001922038217" -> "6";
            case "9144030071526726XH" -> "G";
            case "91330100716105852E" -> "F";
            default -> "D";
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91440300192203821", "9144030019220382160", "91440300192203821I", "9144030O1922038216",
            "91AB0300192203821 6"})
    void rejectsWrongLengthAlphabetOrDivisionCode(String code) {
        assertFalse(CreditCodeCheck.check(code).valid());
    }

    @Test
    void namesTheFirstCharacterOutsideTheAlphabetAndItsPosition() {
        CreditCodeCheck.Result result = CreditCodeCheck.check("9144030O1922038216");
        assertEquals(Verdict.BAD_CHARACTER, result.verdict());
        assertEquals(List.of(8, "O"), result.args());
    }

    @Test
    void lettersInTheDivisionCodeAreRefusedBeforeTheCodeIsComplete() {
        assertEquals(Verdict.BAD_DIVISION, CreditCodeCheck.check("91AB03").verdict());
    }

    @Test
    void aShortCodeIsIncompleteWithHowManyCharactersAreTyped() {
        CreditCodeCheck.Result result = CreditCodeCheck.check("91440300192203821");
        assertEquals(Verdict.INCOMPLETE, result.verdict());
        assertTrue(result.incomplete());
        assertEquals(List.of(17, 18), result.args());
    }

    @Test
    void aLongCodeIsTooLong() {
        assertEquals(Verdict.TOO_LONG, CreditCodeCheck.check("9144030019220382160").verdict());
    }

    @Test
    void readsWhatPeopleTypeWithSpacesAroundAndLowerCase() {
        CreditCodeCheck.Result result = CreditCodeCheck.check("  9144030071526726xg ");
        assertTrue(result.valid());
        assertEquals("9144030071526726XG", result.code());
    }
}
