package cn.jiebang.challenge.account.web;

import cn.jiebang.challenge.account.application.IssuerKeys;
import cn.jiebang.challenge.account.application.TokenIssuer;
import cn.jiebang.challenge.account.application.TokenIssuer.AccessToken;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Signs in: e-mail and password for an RS256 access token, checked by every service against {@code /keys}. */
@Tag(name = "auth")
@Requires(property = IssuerKeys.ENABLED, notEquals = "false")
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {

    private final TokenIssuer issuer;

    AuthController(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Serdeable
    record TokenRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {
    }

    @Serdeable
    record TokenResponse(String accessToken, String tokenType, long expiresIn, String userId, String organizationId,
                         List<String> roles) {
    }

    @Operation(summary = "Exchange e-mail and password for a bearer token (anyone)",
            description = "Who may call: anyone.\n\n**200** and the token; absent when the issuer is "
            + "switched off. **401** `bad-credentials` for an unknown e-mail, a wrong password, or a user or "
            + "organization that is not active.")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/token")
    TokenResponse token(@Body @Valid TokenRequest request) {
        AccessToken token = issuer.issue(request.email(), request.password());
        return new TokenResponse(token.token(), "Bearer", token.expiresInSeconds(), token.user().getId(),
                token.user().getOrganizationId(), token.user().getRoles().stream().map(Enum::name).sorted().toList());
    }
}
