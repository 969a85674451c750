package cn.jiebang.portal.web.inbox;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notifications carry the API path of what they are about; the inbox links to the portal page showing
 * it. Only a challenge and a bid have such a page; anything else gets no link.
 */
final class PortalLinks {

    private static final Pattern CHALLENGE = Pattern.compile("/api/challenges/([A-Za-z0-9-]{1,64})");
    private static final Pattern BID = Pattern.compile("/api/bids/([A-Za-z0-9-]{1,64})");

    private PortalLinks() {
    }

    @Nullable
    static String of(@Nullable String apiLink) {
        if (apiLink == null) {
            return null;
        }
        Matcher challenge = CHALLENGE.matcher(apiLink);
        if (challenge.matches()) {
            return "/challenges/" + challenge.group(1);
        }
        Matcher bid = BID.matcher(apiLink);
        if (bid.matches()) {
            return "/my/bids/" + bid.group(1);
        }
        return null;
    }
}
