package cn.jiebang.challenge.account.application;

import cn.jiebang.challenge.account.domain.Organizations;
import cn.jiebang.challenge.account.domain.User;
import cn.jiebang.challenge.account.domain.Users;
import cn.jiebang.problem.DomainProblem;
import cn.jiebang.web.Callers;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;

/** Signs a short-lived access token for a user whose password matches and whose organization is active. */
@Singleton
@Requires(property = IssuerKeys.ENABLED, notEquals = "false")
public class TokenIssuer {

    private final Users users;
    private final Organizations organizations;
    private final Passwords passwords;
    private final TokenGenerator tokens;
    private final Duration lifetime;

    TokenIssuer(Users users, Organizations organizations, Passwords passwords, TokenGenerator tokens,
                @Value("${jiebang.auth.token-lifetime:1h}") Duration lifetime) {
        this.users = users;
        this.organizations = organizations;
        this.passwords = passwords;
        this.tokens = tokens;
        this.lifetime = lifetime;
    }

    public record AccessToken(String token, long expiresInSeconds, User user) {
    }

    /** Not transactional: each lookup is its own short read, no connection is held while BCrypt works. */
    public AccessToken issue(String email, String password) {
        User user = users.findByEmail(User.normalizeEmail(email)).orElse(null);
        if (user == null) {
            passwords.spendTimeAsIfChecking(password);
            throw new BadCredentials();
        }
        if (!passwords.matches(password, user.getPasswordHash()) || !user.isActive()
                || !organizations.require(user.getOrganizationId()).isActive()) {
            throw new BadCredentials();
        }
        Authentication authentication = Authentication.build(user.getId(),
                user.getRoles().stream().map(Enum::name).sorted().toList(),
                Map.of(Callers.ORGANIZATION_CLAIM, user.getOrganizationId(), "name", user.getName()));
        int seconds = (int) lifetime.toSeconds();
        String token = tokens.generateToken(authentication, seconds)
                .orElseThrow(() -> new IllegalStateException("token generator produced no token"));
        return new AccessToken(token, seconds, user);
    }

    /** One answer for unknown e-mail, wrong password and inactive account: nothing to probe. */
    public static class BadCredentials extends DomainProblem {
        BadCredentials() {
            super(Kind.UNAUTHORIZED, "bad-credentials", "e-mail or password is wrong, or the account is not active yet");
        }
    }
}
