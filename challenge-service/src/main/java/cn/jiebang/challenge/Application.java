package cn.jiebang.challenge;

import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.micronaut.security.token.jwt.endpoints.KeysController;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from challenge-service: POST /api/auth/token")
@OpenAPIDefinition(security = @SecurityRequirement(name = "bearer"), info = @Info(title = "Jiebang challenge-service", version = "0.1",
        description = "Accounts and tokens, requirements, challenges (榜单) and their rounds."))
// routes of controllers compiled elsewhere, so that the spec lists every route the service has
@OpenAPIInclude(classNames = "cn.jiebang.audit.AuditController")
@OpenAPIInclude(classes = {HealthEndpoint.class, KeysController.class}, tags = @Tag(name = "platform"))
public class Application {

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
