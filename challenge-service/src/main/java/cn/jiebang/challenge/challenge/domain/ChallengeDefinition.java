package cn.jiebang.challenge.challenge.domain;

import cn.jiebang.challenge.reference.Region;
import cn.jiebang.challenge.reference.TechnologyField;
import cn.jiebang.challenge.requirement.domain.Indicator;
import cn.jiebang.problem.DomainProblem.FieldProblem;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the program office decides when it composes a challenge (需求凝练) from approved requirements.
 * The annotations check each field on its own; {@link #inconsistencies} checks how the fields fit together.
 */
@Serdeable
public record ChallengeDefinition(@NotBlank @Size(max = 200) String title,
                                  @NotBlank @Size(max = 20000) String problemStatement,
                                  @NotBlank @Size(max = 36) String ownerOrganizationId,
                                  @NotNull TechnologyField technologyField,
                                  @NotNull Region region,
                                  @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 36) String> requirementIds,
                                  @NotEmpty @Size(max = 30) List<@Valid @NotNull Indicator> indicators,
                                  @NotNull @Positive @Digits(integer = 13, fraction = 2) BigDecimal totalBudget,
                                  @NotNull ChallengeMode mode,
                                  @Min(1) @Max(100) int winners,
                                  @NotNull @Valid Eligibility eligibility,
                                  @NotNull Instant bidOpensAt,
                                  @NotNull Instant bidClosesAt,
                                  @NotBlank @Size(max = 20000) String ipTerms,
                                  @NotEmpty @Size(max = 10) List<@Valid @NotNull RoundPlan> rounds) {

    public ChallengeDefinition stripped() {
        return new ChallengeDefinition(title.strip(), problemStatement.strip(), ownerOrganizationId.strip(),
                technologyField, region, requirementIds.stream().map(String::strip).toList(),
                indicators.stream().map(Indicator::stripped).toList(), totalBudget, mode, winners, eligibility,
                bidOpensAt, bidClosesAt, ipTerms.strip(), rounds.stream().map(RoundPlan::stripped).toList());
    }

    /** Every rule the fields break together, each named by the field to fix; empty when the definition holds. */
    public List<FieldProblem> inconsistencies(Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!bidOpensAt.isBefore(bidClosesAt)) {
            problems.add(new FieldProblem("bidClosesAt", "must be after bidOpensAt " + bidOpensAt));
        }
        if (!bidClosesAt.isAfter(now)) {
            problems.add(new FieldProblem("bidClosesAt", "the bid window already closed at " + bidClosesAt));
        }
        if (new HashSet<>(requirementIds).size() != requirementIds.size()) {
            problems.add(new FieldProblem("requirementIds", "lists a requirement twice"));
        }
        if (mode == ChallengeMode.HORSE_RACE && rounds.size() < 2) {
            problems.add(new FieldProblem("rounds", "a horse race (赛马制) needs at least two rounds, not " + rounds.size()));
        }
        Instant previousEnd = bidClosesAt;
        String previousEndName = "the bid window's close (bidClosesAt)";
        Integer enteringTeams = null;
        BigDecimal committed = BigDecimal.ZERO;
        boolean overBudget = false;
        for (int i = 0; i < rounds.size(); i++) {
            RoundPlan round = rounds.get(i);
            String at = "rounds[" + i + "]";
            if (!round.opensAt().isBefore(round.closesAt())) {
                problems.add(new FieldProblem(at + ".closesAt", "must be after the round's opensAt " + round.opensAt()));
            }
            if (round.opensAt().isBefore(previousEnd)) {
                problems.add(new FieldProblem(at + ".opensAt", "overlaps: must not be before " + previousEndName
                        + " at " + previousEnd));
            }
            previousEnd = round.closesAt();
            previousEndName = "the close of " + at;

            int weights = round.criteria().stream().mapToInt(Criterion::weight).sum();
            if (weights != 100) {
                problems.add(new FieldProblem(at + ".criteria", "weights sum to " + weights + ", they must sum to 100"));
            }
            Set<String> codes = new HashSet<>();
            for (int j = 0; j < round.criteria().size(); j++) {
                if (!codes.add(round.criteria().get(j).code())) {
                    problems.add(new FieldProblem(at + ".criteria[" + j + "].code", "is used twice in the round"));
                }
            }

            Advancement advancement = round.advancement();
            Integer cap = advancement.teamCap();
            switch (advancement.rule()) {
                case TOP_N -> {
                    if (!Advancement.isWholeNumber(advancement.value())) {
                        problems.add(new FieldProblem(at + ".advancement.value", "TOP_N needs a whole number of teams"));
                    } else if (advancement.maxTeams() != null && !advancement.maxTeams().equals(cap)) {
                        problems.add(new FieldProblem(at + ".advancement.maxTeams", "must equal n = " + cap
                                + " for TOP_N, or be left out"));
                    }
                }
                case THRESHOLD, TOP_PERCENT -> {
                    if (advancement.value().compareTo(BigDecimal.valueOf(100)) > 0) {
                        problems.add(new FieldProblem(at + ".advancement.value", "must be at most 100"));
                    }
                    if (cap == null) {
                        problems.add(new FieldProblem(at + ".advancement.maxTeams", "is required for "
                                + advancement.rule() + ": it bounds how many teams the round funds"));
                    }
                }
            }
            if (cap == null) {
                continue;
            }
            if (enteringTeams != null && cap > enteringTeams) {
                problems.add(new FieldProblem(at + ".advancement", "advances up to " + cap + " teams, but at most "
                        + enteringTeams + " enter it from rounds[" + (i - 1) + "]"));
            }
            enteringTeams = cap;
            if (i == rounds.size() - 1 && cap != winners) {
                problems.add(new FieldProblem(at + ".advancement", "the last round names the winners: its team cap must "
                        + "equal winners = " + winners + ", not " + cap));
            }
            committed = committed.add(round.tranchePerTeam().multiply(BigDecimal.valueOf(cap)));
            if (committed.compareTo(totalBudget) > 0 && !overBudget) {
                overBudget = true;
                problems.add(new FieldProblem(at + ".tranchePerTeam", "brings the funding committed so far (tranche × "
                        + "teams advancing, summed over the rounds) to " + committed.toPlainString()
                        + ", above the total budget " + totalBudget.toPlainString()));
            }
        }
        return problems;
    }
}
