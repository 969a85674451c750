package cn.jiebang.notification;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "Jiebang notification-service", version = "0.1",
        description = "Tells the people each event concerns: in-app inbox today; e-mail and webhooks later."))
public class Application {

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
