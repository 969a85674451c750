package cn.jiebang.portal.upstream;

/** The three services behind the portal, by the client id their base URL is configured under. */
public enum Service {
    CHALLENGE("challenge-service"),
    BID("bid-service"),
    NOTIFICATION("notification-service");

    private final String id;

    Service(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
