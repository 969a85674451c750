package cn.jiebang.portal.web.requirements;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** challenge-service's requirement resources, as far as the agency's pages read and send them. */
final class RequirementApi {

    static final List<String> KINDS = List.of("BOTTLENECK", "COMMON_KEY");
    static final List<String> FIELDS = List.of("NEW_GENERATION_IT", "BIOMEDICINE", "AEROSPACE",
            "BRAIN_COMPUTER_INTERFACE", "ADVANCED_MANUFACTURING", "NEW_MATERIALS", "NEW_ENERGY", "OTHER");
    static final List<String> REGIONS = List.of("BEIJING", "TIANJIN", "HEBEI", "OTHER");
    static final List<String> DIRECTIONS = List.of("AT_LEAST", "AT_MOST");

    private RequirementApi() {
    }

    @Serdeable
    record Indicator(@Nullable String name, @Nullable BigDecimal targetValue, @Nullable String unit,
                     @Nullable String direction, @Nullable String testMethod) {
    }

    @Serdeable
    record Requirement(String id, String organizationId, String title, String description, String kind,
                       String technologyField, String region, List<Indicator> indicators, BigDecimal budgetCeiling,
                       LocalDate wantedBy, boolean coFunded, String status, @Nullable String reviewComment,
                       Instant createdAt, Instant updatedAt) {

        /** challenge-service takes edits and submits of a draft or a returned requirement only. */
        public boolean editable() {
            return "DRAFT".equals(status) || "RETURNED".equals(status);
        }
    }

    @Serdeable
    record RequirementPage(List<Requirement> items, int page, int size, long totalItems) {
    }

    /** The body of {@code POST /api/requirements} and {@code PUT /api/requirements/{id}}. */
    @Serdeable
    record Request(@Nullable String title, @Nullable String description, @Nullable String kind,
                   @Nullable String technologyField, @Nullable String region, List<Indicator> indicators,
                   @Nullable BigDecimal budgetCeiling, @Nullable LocalDate wantedBy, boolean coFunded) {
    }
}
