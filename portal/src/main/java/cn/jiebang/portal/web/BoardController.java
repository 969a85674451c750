package cn.jiebang.portal.web;

import cn.jiebang.portal.session.Visitors;
import cn.jiebang.portal.upstream.Service;
import cn.jiebang.portal.upstream.Upstream;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The public challenge board (榜单大厅). */
@Controller("/challenges")
@ExecuteOn(TaskExecutors.BLOCKING)
class BoardController {

    private final Upstream upstream;

    BoardController(Upstream upstream) {
        this.upstream = upstream;
    }

    @Serdeable
    record Summary(String id, String title, String ownerOrganizationId, String technologyField, String region,
                   String mode, BigDecimal totalBudget, Instant bidOpensAt, Instant bidClosesAt, String status,
                   @Nullable Integer bidCount) {
    }

    @Serdeable
    record Page(List<Summary> items, int page, int size, long totalItems) {
    }

    @Get
    ModelAndView<Map<String, Object>> board(HttpRequest<?> request) {
        Page page = upstream.get(Service.CHALLENGE, "/api/challenges", Visitors.of(request), Page.class);
        return new ModelAndView<>("board", Map.of("page", page));
    }
}
