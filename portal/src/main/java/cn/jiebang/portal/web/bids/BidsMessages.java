package cn.jiebang.portal.web.bids;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The bid pages' texts, in zh and en; merged with the other areas' bundles. */
@Factory
class BidsMessages {

    @Singleton
    @Named("bids")
    MessageSource bidsMessages() {
        return new ResourceBundleMessageSource("i18n.bids");
    }
}
