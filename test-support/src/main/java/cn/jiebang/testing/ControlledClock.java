package cn.jiebang.testing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's clock in tests that set {@code jiebang.test.controlled-clock=true}: the real time until a test
 * fixes it ({@link #set}), e.g. to the millisecond before a deadline or two days later.
 */
@Singleton
@Replaces(Clock.class)
@Requires(property = "jiebang.test.controlled-clock", value = "true")
public class ControlledClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    /** From now on the server's clock shows {@code instant}, until {@link #release}. */
    public void set(Instant instant) {
        fixed.set(instant);
    }

    public void release() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = fixed.get();
        return at == null ? Instant.now() : at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the server's clock is UTC");
    }
}
