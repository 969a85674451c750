package cn.jiebang.portal.support;

/** Canned service answers the portal's tests share: accounts and an empty inbox. */
public final class Fixtures {

    public static final String ORG_ID = "org-team-1";
    public static final String USER_ID = "user-1";

    private Fixtures() {
    }

    /** The token endpoint, /api/users/me and the caller's organization answer as for a user with {@code role}. */
    public static void signedIn(FakeServices fake, String role) {
        fake.on("POST", "/api/auth/token", """
                {"accessToken":"token-%s","tokenType":"Bearer","expiresIn":3600,"userId":"%s",
                 "organizationId":"%s","roles":["%s"]}""".formatted(role, USER_ID, ORG_ID, role));
        fake.on("GET", "/api/users/me", """
                {"id":"%s","organizationId":"%s","name":"王建国","email":"%s@jiebang.local","roles":["%s"],
                 "expertiseFields":[],"language":"zh","active":true,"createdAt":"2026-01-01T00:00:00Z"}"""
                .formatted(USER_ID, ORG_ID, role.toLowerCase(), role));
        fake.on("GET", "/api/organizations/" + ORG_ID, """
                {"id":"%s","name":"天津新材料研究院","creditCode":"91120000MA05000000","region":"TIANJIN",
                 "kind":"RESEARCH_INSTITUTE","status":"ACTIVE","createdAt":"2026-01-01T00:00:00Z"}""".formatted(ORG_ID));
        fake.on("GET", "/api/notifications", """
                {"items":[],"page":0,"size":1,"totalItems":0,"unread":2}""");
    }
}
