package cn.jiebang.bid.judging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** What a team racing in a MILESTONE round delivers for it; replaced until the round closes, then scored. */
@Serdeable
@MappedEntity("deliverable")
public record Deliverable(@Id @GeneratedValue @Nullable Long id, String bidId, int roundIndex, String summary,
                          @TypeDef(type = DataType.JSON) List<String> attachmentIds, String submittedBy,
                          Instant submittedAt, @Version @Nullable Long version) {
}
