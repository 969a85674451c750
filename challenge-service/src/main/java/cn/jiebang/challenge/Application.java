package cn.jiebang.challenge;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "Jiebang challenge-service", version = "0.1",
        description = "Requirements, challenges (榜单) and their rounds; accounts come later."))
public class Application {

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
