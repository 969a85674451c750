package cn.jiebang.portal.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Who is looking at the portal, as kept in the encrypted session cookie: every visitor has a CSRF
 * token; a signed-in one also has the access token challenge-service issued, and what the navigation
 * bar shows. The token never reaches page script.
 */
@Serdeable
public record Visitor(String csrf, @Nullable String token, @Nullable Instant expiresAt, @Nullable String userId,
                      @Nullable String name, @Nullable String email, List<String> roles,
                      @Nullable String organizationId, @Nullable String organizationName) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public Visitor {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public static Visitor anonymous() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return new Visitor(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), null, null, null, null, null,
                List.of(), null, null);
    }

    public Visitor signedIn(String token, Instant expiresAt, String userId, String name, String email,
                            List<String> roles, String organizationId, @Nullable String organizationName) {
        // a fresh CSRF token at sign-in, so one planted before it is worthless after
        return new Visitor(anonymous().csrf(), token, expiresAt, userId, name, email, roles, organizationId,
                organizationName);
    }

    public boolean isSignedIn() {
        return token != null;
    }

    /** Signed in, and the token has at least a few seconds left. */
    public boolean isSignedIn(Instant now) {
        return token != null && expiresAt != null && now.isBefore(expiresAt.minusSeconds(5));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The role the navigation bar names: a user has one in practice; ADMIN first if several. */
    @Nullable
    public String role() {
        for (String r : List.of("ADMIN", "AGENCY", "JUDGE", "TEAM")) {
            if (roles.contains(r)) {
                return r;
            }
        }
        return roles.isEmpty() ? null : roles.get(0);
    }
}
