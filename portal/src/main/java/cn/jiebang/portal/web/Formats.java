package cn.jiebang.portal.web;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages show times, money and codes, in the visitor's language: times in Beijing time with the
 * zone named, money in CNY (万元 in Chinese), enum codes through the message bundles. Templates reach it
 * as {@code ${fmt}}.
 */
public final class Formats {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final Locale locale;
    private final MessageSource messages;

    public Formats(Locale locale, MessageSource messages) {
        this.locale = locale;
        this.messages = messages;
    }

    public boolean zh() {
        return "zh".equals(locale.getLanguage());
    }

    public Locale locale() {
        return locale;
    }

    /** A message of the bundles in this language, the key itself when missing. */
    public String msg(String key, Object... args) {
        return messages.getMessage(key, locale, args).orElse(key);
    }

    /** An enum code as words, e.g. {@code field.NEW_MATERIALS} → 新材料. */
    public String label(String group, @Nullable Object code) {
        if (code == null) {
            return "";
        }
        return messages.getMessage(group + "." + code, locale).orElse(code.toString());
    }

    /** {@code 2026-12-01 17:00 北京时间 (UTC+8)}. */
    public String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(BEIJING)) + " " + msg("time.zone");
    }

    /** To the second, for receipts. */
    public String exactTime(@Nullable Instant instant) {
        return instant == null ? "" : SECONDS.format(instant.atZone(BEIJING)) + " " + msg("time.zone");
    }

    /** For a datetime-local input, in Beijing time. */
    public String inputTime(@Nullable Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(instant.atZone(BEIJING));
    }

    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String date(@Nullable Object date) {
        return date == null ? "" : date.toString();
    }

    /** {@code 3,000 万元} in Chinese, {@code CNY 30,000,000.00} in English. */
    public String money(@Nullable Object amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal value = amount instanceof BigDecimal b ? b : new BigDecimal(amount.toString());
        if (zh()) {
            BigDecimal wan = value.divide(TEN_THOUSAND, 6, RoundingMode.HALF_UP).stripTrailingZeros();
            NumberFormat format = NumberFormat.getNumberInstance(Locale.CHINA);
            format.setMaximumFractionDigits(Math.max(0, Math.min(6, wan.scale())));
            format.setMinimumFractionDigits(0);
            return format.format(wan) + " 万元";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return "CNY " + format.format(value);
    }

    /** Time left until {@code deadline}, in days, hours and minutes; empty when it has passed. */
    public String timeLeft(@Nullable Instant deadline) {
        if (deadline == null) {
            return "";
        }
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative()) {
            return "";
        }
        long days = left.toDays();
        long hours = left.toHoursPart();
        long minutes = left.toMinutesPart();
        if (days > 0) {
            return msg("time.left.days", days, hours);
        }
        if (hours > 0) {
            return msg("time.left.hours", hours, minutes);
        }
        return msg("time.left.minutes", Math.max(1, minutes));
    }

    /** Within seven days of the deadline: the board shows a countdown. */
    public boolean closingSoon(@Nullable Instant deadline) {
        if (deadline == null) {
            return false;
        }
        Duration left = Duration.between(Instant.now(), deadline);
        return !left.isNegative() && left.compareTo(Duration.ofDays(7)) <= 0;
    }

    public boolean past(@Nullable Instant instant) {
        return instant != null && !Instant.now().isBefore(instant);
    }

    /** Bytes as KB or MB. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    public ZonedDateTime beijing(Instant instant) {
        return instant.atZone(BEIJING);
    }
}
