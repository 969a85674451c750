package cn.jiebang.notification.application;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How notifications write times: in Beijing time, where the programs run (stored and sent as UTC instants). */
final class Formats {

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'CST'")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private Formats() {
    }

    static String beijing(Instant instant) {
        return BEIJING.format(instant);
    }
}
