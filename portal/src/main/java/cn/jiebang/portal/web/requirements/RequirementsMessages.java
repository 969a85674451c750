package cn.jiebang.portal.web.requirements;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The requirement pages' texts, in zh and en; merged with the other areas' bundles. */
@Factory
class RequirementsMessages {

    @Singleton
    @Named("requirements")
    MessageSource requirementsMessages() {
        return new ResourceBundleMessageSource("i18n.requirements");
    }
}
