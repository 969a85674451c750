package cn.jiebang.portal.web.inbox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PortalLinksTest {

    @Test
    void aChallengeLinksToItsPage() {
        assertEquals("/challenges/6f1c2d3e-0000-4000-8000-000000000001",
                PortalLinks.of("/api/challenges/6f1c2d3e-0000-4000-8000-000000000001"));
    }

    @Test
    void aBidLinksToTheTeamsBidPage() {
        assertEquals("/my/bids/b-1", PortalLinks.of("/api/bids/b-1"));
    }

    @Test
    void anythingElseHasNoLink() {
        assertNull(PortalLinks.of(null));
        assertNull(PortalLinks.of("/api/challenges/c-1/rounds/1/results"));
        assertNull(PortalLinks.of("/api/challenges/c-1/funding"));
        assertNull(PortalLinks.of("/api/judging/assignments"));
        assertNull(PortalLinks.of("/api/requirements/r-1"));
        assertNull(PortalLinks.of("https://evil.example/api/bids/b-1"));
        assertNull(PortalLinks.of("/api/bids/../users/me"));
    }
}
