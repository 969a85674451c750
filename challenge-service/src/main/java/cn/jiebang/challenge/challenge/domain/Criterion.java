package cn.jiebang.challenge.challenge.domain;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A scoring criterion of a round: a judge gives 0..maxScore; the weights of a round sum to 100. */
@Serdeable
public record Criterion(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,29}", message = "must be 1–30 capitals, digits or _")
                        String code,
                        @NotBlank @Size(max = 200) String name,
                        @Min(1) @Max(100) int weight,
                        @Min(1) @Max(1000) int maxScore) {

    public Criterion stripped() {
        return new Criterion(code, name.strip(), weight, maxScore);
    }
}
