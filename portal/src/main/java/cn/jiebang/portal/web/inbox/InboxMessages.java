package cn.jiebang.portal.web.inbox;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The words of the inbox and preferences pages, in zh and en. */
@Factory
class InboxMessages {

    @Singleton
    @Named("inbox")
    MessageSource inboxMessages() {
        return new ResourceBundleMessageSource("i18n.inbox");
    }
}
