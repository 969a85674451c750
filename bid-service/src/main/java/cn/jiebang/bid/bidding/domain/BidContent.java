package cn.jiebang.bid.bidding.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a team submits (揭榜申报): its consortium, team lead (挂帅人) and core members, technical approach,
 * milestones, the value it commits for each of the challenge's indicators, the budget it asks for and the
 * files it attached. The lead organization is the caller's; it is not part of the body.
 */
@Serdeable
public record BidContent(@NotNull @Size(max = 20) List<@NotBlank @Size(max = 36) String> memberOrganizationIds,
                         @NotNull @Valid TeamMember teamLead,
                         @NotNull @Size(max = 50) List<@Valid @NotNull TeamMember> coreMembers,
                         @NotBlank @Size(max = 50000) String technicalApproach,
                         @NotEmpty @Size(max = 30) List<@Valid @NotNull Milestone> milestones,
                         @NotEmpty @Size(max = 30) List<@Valid @NotNull CommittedIndicator> committedIndicators,
                         @NotNull @Positive @Digits(integer = 13, fraction = 2) BigDecimal requestedBudget,
                         @Nullable @Size(max = 20) List<@NotBlank @Size(max = 36) String> attachmentIds) {

    @Serdeable
    public record TeamMember(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String title) {
    }

    @Serdeable
    public record Milestone(@NotBlank @Size(max = 200) String title, @NotNull LocalDate dueOn,
                            @NotBlank @Size(max = 2000) String deliverable) {
    }

    @Serdeable
    public record CommittedIndicator(@NotBlank @Size(max = 200) String name,
                                     @NotNull @Digits(integer = 15, fraction = 6) BigDecimal value) {
    }

    /** The attachments, never null. */
    public List<String> attachments() {
        return attachmentIds == null ? List.of() : attachmentIds;
    }
}
