package cn.jiebang.portal.web.bids;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.Map;

/** A program office, agency or judge who opens a bid page is told plainly that bids are the teams'. */
@Controller
class BidErrors {

    @Error(global = true, exception = NotATeam.class)
    MutableHttpResponse<?> notATeam(HttpRequest<?> request, NotATeam e) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", 403);
        model.put("message", "bids.refused.not-team");
        model.put("fallback", "error.status.403");
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ModelAndView<>("error", model));
    }
}
