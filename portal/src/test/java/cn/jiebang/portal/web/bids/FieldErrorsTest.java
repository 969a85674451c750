package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.web.bids.BidApi.Indicator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FieldErrorsTest {

    private final BidForm form = BidForm.empty(List.of(new Indicator("分辨率", BigDecimal.TEN, "nm", "AT_MOST", null)),
            BidForm.BudgetUnit.WAN);

    @Test
    void aFieldOfARowOnThePageIsShownAtIt() {
        assertEquals("milestones[0].dueOn", FieldErrors.placement("milestones[0].dueOn", form));
        assertEquals("committedIndicators[0].value", FieldErrors.placement("committedIndicators[0].value", form));
    }

    @Test
    void aFaultOfARowNotOnThePageIsShownAtItsList() {
        assertEquals("coreMembers", FieldErrors.placement("coreMembers[2].name", form));
        assertEquals("committedIndicators", FieldErrors.placement("committedIndicators[3].value", form));
        assertEquals("committedIndicators", FieldErrors.placement("committedIndicators[0].name", form));
    }

    @Test
    void membersAndAttachmentsAreShownAtTheirSection() {
        assertEquals("memberOrganizationIds", FieldErrors.placement("memberOrganizationIds[1]", form));
        assertEquals("attachmentIds", FieldErrors.placement("attachmentIds[0]", form));
    }

    @Test
    void theLeadOrganizationIsNoFieldOfTheForm() {
        assertNull(FieldErrors.placement("leadOrganization", form));
    }

    @Test
    void aPathBecomesAnElementId() {
        assertEquals("coreMembers-0-name", FieldErrors.id("coreMembers[0].name"));
        assertEquals("memberOrganizationIds", FieldErrors.id("memberOrganizationIds"));
    }
}
