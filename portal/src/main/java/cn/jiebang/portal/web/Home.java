package cn.jiebang.portal.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.net.URI;
import java.util.List;

/** The front door is the public board; after sign-in each role lands where its work is. */
@Controller
class Home {

    static String landing(List<String> roles) {
        if (roles.contains("TEAM")) {
            return "/my/bids";
        }
        return "/challenges";
    }

    @Get
    HttpResponse<?> home() {
        return HttpResponse.seeOther(URI.create("/challenges"));
    }
}
