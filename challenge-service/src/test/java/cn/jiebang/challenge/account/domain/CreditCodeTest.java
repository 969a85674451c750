package cn.jiebang.challenge.account.domain;

import cn.jiebang.challenge.account.domain.CreditCode.InvalidCreditCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreditCodeTest {

    /** Published codes of real organizations (enterprises, a public institution). */
    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "9144030071526726XG", "91330100716105852F", "91350100M000100Y43",
            "12100000400000624D"})
    void acceptsRealCodes(String code) {
        assertEquals(code, new CreditCode(code).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038217", "9144030071526726XH", "91330100716105852E", "12100000400000624C"})
    void rejectsAWrongCheckCharacterSayingWhichItShouldBe(String code) {
        InvalidCreditCode e = assertThrows(InvalidCreditCode.class, () -> new CreditCode(code));
        assertTrue(e.getMessage().contains("check character"), e.getMessage());
        assertEquals("creditCode", e.fieldProblems().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91440300192203821", "9144030019220382160", "91440300192203821I", "9144030O1922038216",
            "91AB0300192203821 6"})
    void rejectsWrongLengthAlphabetOrDivisionCode(String code) {
        assertThrows(InvalidCreditCode.class, () -> new CreditCode(code));
    }

    @org.junit.jupiter.api.Test
    void completesSeventeenCharactersWithTheirCheckCharacter() {
        assertEquals("9144030071526726XG", CreditCode.completing("9144030071526726X").value());
    }

    @org.junit.jupiter.api.Test
    void parsesWhatPeopleTypeWithSpacesAndLowerCase() {
        assertEquals("9144030071526726XG", CreditCode.parse("  9144030071526726xg ").value());
    }
}
