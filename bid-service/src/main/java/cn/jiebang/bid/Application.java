package cn.jiebang.bid;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from challenge-service: POST /api/auth/token")
@OpenAPIDefinition(security = @SecurityRequirement(name = "bearer"), info = @Info(title = "Jiebang bid-service", version = "0.1",
        description = "Bids (揭榜申报), screening, judging and rankings; for now, whether a challenge takes bids."))
public class Application {

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
