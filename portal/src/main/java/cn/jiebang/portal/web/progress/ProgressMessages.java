package cn.jiebang.portal.web.progress;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The words of a team's evaluation progress page, in zh and en. */
@Factory
class ProgressMessages {

    @Singleton
    @Named("progress")
    MessageSource progressMessages() {
        return new ResourceBundleMessageSource("i18n.progress");
    }
}
