package cn.jiebang.bid.bidding.web;

import cn.jiebang.bid.bidding.application.BidSubmission.Caller;
import cn.jiebang.bid.bidding.domain.Reader;
import cn.jiebang.web.Callers;
import io.micronaut.security.authentication.Authentication;

import java.util.Set;

/** Who calls, from the token, in the terms the application and the domain use. */
public final class Principals {

    private Principals() {
    }

    public static Caller caller(Authentication authentication) {
        return new Caller(authentication.getName(), Callers.organizationOf(authentication));
    }

    public static Reader reader(Authentication authentication) {
        return new Reader(authentication.getName(), Callers.organizationOf(authentication),
                Set.copyOf(authentication.getRoles()));
    }
}
