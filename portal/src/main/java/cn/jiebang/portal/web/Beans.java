package cn.jiebang.portal.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The portal's clock and its message bundles: one bundle per area of the portal, all in zh and en. */
@Factory
class Beans {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Named("common")
    MessageSource commonMessages() {
        return new ResourceBundleMessageSource("i18n.messages");
    }
}
