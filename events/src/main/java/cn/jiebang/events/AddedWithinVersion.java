package cn.jiebang.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field added to its event after the version's first release: events published before lack it, and a
 * consumer reads it missing as {@code null} (or 0 and false for a primitive). Every other field was there
 * from the start, so a payload without it is malformed (see docs/events.md, "Compatible changes").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface AddedWithinVersion {
}
