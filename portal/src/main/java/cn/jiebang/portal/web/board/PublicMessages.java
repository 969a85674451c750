package cn.jiebang.portal.web.board;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The words of the public pages (board, challenge page, organization application), in zh and en. */
@Factory
class PublicMessages {

    @Singleton
    @Named("public")
    MessageSource publicMessages() {
        return new ResourceBundleMessageSource("i18n.public");
    }
}
