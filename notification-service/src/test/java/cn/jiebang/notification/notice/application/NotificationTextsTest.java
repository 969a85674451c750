package cn.jiebang.notification.notice.application;

import cn.jiebang.notification.notice.application.Notifier.Message;
import cn.jiebang.notification.notice.application.Notifier.Text;
import cn.jiebang.notification.notice.domain.WatchedChallenge;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bundles i18n/notifications_zh and _en, and how texts are written from them. */
class NotificationTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final NotificationTexts texts = new NotificationTexts(new ResourceBundleMessageSource("i18n.notifications"));

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = NotificationTextsTest.class.getResourceAsStream("/i18n/notifications_" + language
                + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyKeyIsInBothLanguages() throws IOException {
        assertEquals(new TreeSet<>(bundle("zh").stringPropertyNames()), new TreeSet<>(bundle("en").stringPropertyNames()));
    }

    @Test
    void bothLanguagesTakeTheSameArguments() throws IOException {
        Properties zh = bundle("zh");
        Properties en = bundle("en");
        for (String key : zh.stringPropertyNames()) {
            assertEquals(placeholders(zh.getProperty(key)), placeholders(en.getProperty(key, "")), key);
        }
    }

    @Test
    void noTextHasAnApostropheTheFormatWouldSwallow() throws IOException {
        List<String> swallowed = new ArrayList<>();
        for (String language : List.of("zh", "en")) {
            Properties bundle = bundle(language);
            // '' is one apostrophe; any other ASCII apostrophe starts or ends a quotation and disappears
            bundle.stringPropertyNames().stream().filter(k -> bundle.getProperty(k).replace("''", "").contains("'"))
                    .forEach(k -> swallowed.add(language + ": " + k));
        }
        assertEquals(List.of(), swallowed, "write ’ or ''");
    }

    @Test
    void aReceiptShowsWhenTheServerReceivedTheBidInBeijingTime() {
        Text receipt = BidNotices.receipt("光刻胶", 2, Instant.parse("2026-11-30T18:08:21.080772Z"), "9f86d0");
        assertEquals("申报回执：「光刻胶」第 2 版", texts.write(receipt.title(), Locale.CHINESE));
        assertEquals("服务器接收时间 2026-12-01 02:08:21 北京时间 (UTC+8)；内容 SHA-256：9f86d0",
                texts.write(receipt.body(), Locale.CHINESE));
        assertEquals("Receipt: version 2 of your bid on \"光刻胶\"", texts.write(receipt.title(), Locale.ENGLISH));
        assertEquals("Received by the server at 2026-12-01 02:08:21 Beijing time (UTC+8). SHA-256 of the content: 9f86d0",
                texts.write(receipt.body(), Locale.ENGLISH));
    }

    @Test
    void aDeadlineReminderRoundsTheHoursLeftToTheNearest() {
        Instant now = Instant.parse("2027-01-28T11:24:00Z");
        Instant deadline = now.plus(Duration.ofMinutes(71 * 60 + 36)); // 71.6 hours
        Text reminder = DeadlineReminders.reminder(
                WatchedChallenge.published("c", "量子传感", "AEROSPACE", "BEIJING", "org", deadline), now);
        assertEquals("距截止约 72 小时（2027-01-31 19:00:00 北京时间 (UTC+8)）", texts.write(reminder.body(), Locale.CHINESE));
        assertEquals("About 72 hours left, until 2027-01-31 19:00:00 Beijing time (UTC+8)",
                texts.write(reminder.body(), Locale.ENGLISH));
    }

    @ParameterizedTest
    @CsvSource({"4296, 72", "4284, 71", "4290, 72", "1440, 24", "12, 1", "0, 1"})
    void hoursLeftAreRoundedToTheNearestHourAndAtLeastOne(long minutes, long hours) {
        Instant now = Instant.parse("2027-01-28T00:00:00Z");
        assertEquals(hours, Formats.hoursLeft(now, now.plus(Duration.ofMinutes(minutes))));
    }

    @Test
    void moneyIsCnyWithTwoDecimals() {
        Text granted = Text.of("funding.granted", "储能", 1, new BigDecimal("3000000"));
        assertEquals("获得支持经费 ¥3000000.00", texts.write(granted.body(), Locale.CHINESE));
        assertEquals("Granted ¥1500000.50", texts.write(Text.of("funding.granted", "储能", 1,
                new BigDecimal("1500000.5")).body(), Locale.ENGLISH));
    }

    @Test
    void argumentsGoInAsTheyAreAndNumbersUngrouped() {
        Text closed = Text.of("bids-received", "it's {0} 'quoted'", 12345);
        assertEquals("Bidding on \"it's {0} 'quoted'\" closed with 12345 bids", texts.write(closed.title(), Locale.ENGLISH));
    }

    @Test
    void wordsAndListsAreWrittenInTheReadersLanguage() {
        Message body = Message.of("round-results.body", List.of(
                Message.of("round-results.rank", 2, Message.of("round-results.decision.ADVANCED")),
                Message.of("round-results.rank", 5, Message.of("round-results.decision.NOT_ADVANCED"))),
                Instant.parse("2027-02-03T09:00:00Z"));
        assertEquals("您的申报排名第 2，晋级下一轮；排名第 5，未晋级；公示至 2027-02-03 17:00:00 北京时间 (UTC+8)",
                texts.write(body, Locale.CHINESE));
        assertEquals("Your bid: ranked 2, advancing to the next round; ranked 5, not advancing; objections until "
                + "2027-02-03 17:00:00 Beijing time (UTC+8)", texts.write(body, Locale.ENGLISH));
    }
}
