package cn.jiebang.portal.session;

/**
 * The page needs a signed-in user, and there is none, or the token has expired (or a service refused
 * it): the visitor goes to sign-in and comes back afterwards.
 */
public class SignInRequired extends RuntimeException {

    private final boolean expired;

    public SignInRequired(boolean expired) {
        super(expired ? "session expired" : "sign-in required", null, false, false);
        this.expired = expired;
    }

    public boolean expired() {
        return expired;
    }
}
