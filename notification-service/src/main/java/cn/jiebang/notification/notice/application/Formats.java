package cn.jiebang.notification.notice.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How notifications write times, money and hours left. Times are stored and sent as UTC instants and shown
 * in Beijing time, where the programs run, to the second; {@link NotificationTexts} adds the zone's name in
 * the reader's language (key {@code time}).
 */
final class Formats {

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private Formats() {
    }

    /** {@code 2026-12-01 02:08:21} for 2026-11-30T18:08:21.080772Z: truncated, never a second late. */
    static String beijing(Instant instant) {
        return BEIJING.format(instant);
    }

    /** {@code ¥3000000.00}: CNY, two decimals, no grouping, whatever scale the event carried. */
    static String cny(BigDecimal amount) {
        return "¥" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Whole hours from {@code now} to {@code deadline}, to the nearest (71.6 → 72), at least 1. */
    static long hoursLeft(Instant now, Instant deadline) {
        return Math.max(1, Math.round(Duration.between(now, deadline).toMillis() / 3_600_000.0));
    }
}
