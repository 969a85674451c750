package cn.jiebang.portal.web.board;

import cn.jiebang.portal.session.Visitor;
import cn.jiebang.portal.upstream.Service;
import cn.jiebang.portal.upstream.Upstream;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The public challenge board (榜单大厅): challenges filtered by text, field, region, mode, status, budget
 * and closing date, page by page, each with its owner agency's name. The filters live in the query
 * string, so a filtered board is an address to share; htmx only spares the reload.
 */
@Controller("/challenges")
@ExecuteOn(TaskExecutors.BLOCKING)
class BoardController {

    private final Upstream upstream;
    private final OrganizationNames names;
    private final Clock clock;

    BoardController(Upstream upstream, OrganizationNames names, Clock clock) {
        this.upstream = upstream;
        this.names = names;
        this.clock = clock;
    }

    record Line(ChallengeApi.Summary challenge, String owner) {
    }

    @Get
    HttpResponse<ModelAndView<Map<String, Object>>> board(HttpRequest<?> request) {
        Visitor visitor = PublicVisitor.of(request, clock);
        BoardQuery query = BoardQuery.of(request.getParameters());
        Map<String, Object> model = new HashMap<>();
        model.put("filters", query.values());
        model.put("errors", query.errors());
        model.put("fields", BoardQuery.FIELDS);
        model.put("regions", BoardQuery.REGIONS);
        model.put("modes", BoardQuery.MODES);
        model.put("statuses", PublicVisitor.maySeeDrafts(visitor) ? BoardQuery.STATUSES
                : BoardQuery.STATUSES.subList(1, BoardQuery.STATUSES.size()));
        model.put("sizes", BoardQuery.SIZES);
        model.put("size", query.size());
        model.put("filtered", query.filtered());
        if (!query.valid()) {
            // nothing is asked of the service with a filter it would refuse or misread; 422, not 400, so the
            // page with its field errors is sent rather than the general 400 page
            return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(new ModelAndView<>("public/board", model));
        }
        ChallengeApi.Board board = upstream.get(Service.CHALLENGE, "/api/challenges?" + query.apiQuery(), visitor,
                ChallengeApi.Board.class);
        Map<String, String> owners = names.of(board.items().stream().map(ChallengeApi.Summary::ownerOrganizationId).toList());
        List<Line> lines = board.items().stream()
                .map(c -> new Line(c, owners.get(c.ownerOrganizationId()))).toList();
        long pages = Math.max(1, (board.totalItems() + query.size() - 1) / query.size());
        model.put("lines", lines);
        model.put("totalItems", board.totalItems());
        model.put("page", query.page());
        model.put("pages", pages);
        model.put("previous", query.page() > 1 ? query.link(Math.min(query.page() - 1, (int) pages)) : null);
        model.put("next", query.page() < pages ? query.link(query.page() + 1) : null);
        return HttpResponse.ok(new ModelAndView<>("public/board", model));
    }
}
