package cn.jiebang.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal in headless Chromium against the whole platform, every service and the portal its own
 * process from its jar: a team browses the board, signs in, bids with an attachment, revises, reads its
 * receipt in the inbox, and signs out, in Chinese and in English. The screenshots are the pictures of
 * docs/portal.md. {@code -Djiebang.browser.full=true} also runs the whole path at phone width (360 px).
 */
class PortalBrowserIT {

    private static final Path SCREENSHOTS = Platform.root().resolve("deploy/local/target/screenshots");
    private static TestPlatform platform;
    private static String portal;
    private static String challengeId;
    /** One more published challenge per team path: the demo team may bid once on each. */
    private static final List<String> moreChallenges = new ArrayList<>();
    private static final boolean FULL = Boolean.getBoolean("jiebang.browser.full");

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = TestPlatform.start("browser", true);
        portal = platform.url(Platform.PORTAL);
        DemoData demo = new DemoData(platform.url("challenge-service"), platform.url("notification-service"));
        String admin = demo.token(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
        String agencyOrganization = demo.createAccounts(admin);
        challengeId = demo.publishDemoChallenge(admin, agencyOrganization, Instant.now());
        for (int i = 0; i < (FULL ? 2 : 1); i++) {
            moreChallenges.add(demo.publishDemoChallenge(admin, agencyOrganization, Instant.now()));
        }
        // bid-service takes bids once it has read challenge.published.v1
        for (String id : concat(challengeId, moreChallenges)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> demo.biddingOpen(platform.url("bid-service"), id));
        }
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aVisitorFiltersTheBoardAndOpensAChallenge() {
        try (Browser browser = Browser.open(portal, "zh-CN", 1280, SCREENSHOTS)) {
            browser.go("/challenges");
            browser.screenshot("board-zh");
            browser.type(By.id("q"), "光刻胶");
            browser.select(By.id("field"), "NEW_MATERIALS");
            browser.click(By.id("board-search"));
            browser.waitForUrl("field=NEW_MATERIALS");
            assertTrue(browser.text(By.id("board-results")).contains("高端光刻胶国产化"));

            browser.select(By.id("field"), "AEROSPACE");
            browser.click(By.id("board-search"));
            browser.waitForUrl("field=AEROSPACE");
            assertFalse(browser.text(By.tagName("main")).contains("高端光刻胶国产化"));

            browser.go("/challenges/" + challengeId);
            String page = browser.text(By.tagName("main"));
            assertTrue(page.contains("研制满足28纳米工艺要求的ArF光刻胶"), page);
            assertTrue(page.contains("北京时间"), page);
            browser.screenshot("challenge-zh");
            assertNoInternals(browser);
        }
    }

    @Test
    void signedOutAProtectedPageGoesToSignInAndBackAfterwards() {
        try (Browser browser = Browser.open(portal, "en", 1280, SCREENSHOTS)) {
            browser.go("/inbox");
            browser.waitForUrl("/signin");
            browser.screenshot("signin-en");
            browser.type(By.id("email"), "team@jiebang.local");
            browser.type(By.id("password"), DemoData.DEMO_PASSWORD);
            browser.find(By.id("sign-in-submit")).click();
            browser.waitForUrl("/inbox");
            assertTrue(browser.text(By.id("who")).contains("Research team"));

            browser.find(By.id("sign-out")).click();
            browser.waitFor(By.id("sign-in"));
            browser.go("/my/bids");
            browser.waitForUrl("/signin");
            assertEquals("Sign in", browser.text(By.tagName("h1")));
        }
    }

    @Test
    void aTeamBidsWithAnAttachmentRevisesAndFindsItsReceiptInTheInbox() throws Exception {
        teamPath("zh-CN", challengeId, 1280, "zh");
    }

    @Test
    void theSamePathInEnglish() throws Exception {
        teamPath("en", moreChallenges.get(0), 1280, "en");
    }

    @Test
    void theSamePathAtPhoneWidth() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FULL, "the long form (-Djiebang.browser.full=true) only");
        teamPath("zh-CN", moreChallenges.get(1), 360, "phone");
    }

    /**
     * Sign in as the demo team, bid on {@code challenge} with a 2 MB PDF (the progress bar moves), read the
     * receipt, revise, see version 2, then find the receipt in the inbox and mark it read.
     */
    private void teamPath(String language, String challenge, int width, String shot) throws Exception {
        Path pdf = Files.createTempFile("technical-plan", ".pdf");
        byte[] padding = new byte[2 * 1024 * 1024];
        Arrays.fill(padding, (byte) ' ');
        Files.write(pdf, concat("%PDF-1.4\n".getBytes(UTF_8), padding, "\n%%EOF\n".getBytes(UTF_8)));
        try (Browser browser = Browser.open(portal, language, width, SCREENSHOTS)) {
            browser.signIn("team@jiebang.local", DemoData.DEMO_PASSWORD);
            String lang = language.startsWith("en") ? "en" : "zh-CN";
            assertEquals(lang, browser.find(By.tagName("html")).getAttribute("lang"));
            Integer unreadBefore = unread(browser);

            browser.go("/challenges/" + challenge);
            browser.waitFor(By.id("bid-button")).click();
            browser.waitFor(By.id("bid-form"));
            browser.type(By.id("teamLead-name"), "王建国");
            browser.type(By.id("teamLead-title"), "研究员");
            browser.type(By.id("technicalApproach"), "化学放大光刻胶体系");
            browser.type(By.id("milestones-0-title"), "小试");
            setDate(browser, "milestones-0-dueOn", "2027-06-30");
            browser.type(By.id("milestones-0-deliverable"), "样品");
            // every indicator gets exactly its target; the first is tried weaker first, and flagged as typed
            List<org.openqa.selenium.WebElement> indicators = browser.all(By.cssSelector("[data-indicator]"));
            assertFalse(indicators.isEmpty());
            for (org.openqa.selenium.WebElement indicator : indicators) {
                java.math.BigDecimal target = new java.math.BigDecimal(indicator.getAttribute("data-target"));
                if (indicator == indicators.get(0)) {
                    boolean atMost = "AT_MOST".equals(indicator.getAttribute("data-direction"));
                    indicator.sendKeys((atMost ? target.add(java.math.BigDecimal.ONE) : target.subtract(java.math.BigDecimal.ONE)).toPlainString());
                    assertTrue(browser.waitFor(By.id(indicator.getAttribute("id") + "-check")).isDisplayed(),
                            "a value weaker than the target is flagged as it is typed");
                    indicator.clear();
                }
                indicator.sendKeys(target.toPlainString());
            }
            browser.type(By.id("requestedBudget"), lang.equals("en") ? "9000000" : "900");

            browser.find(By.id("attachment-file")).sendKeys(pdf.toString());
            // what the bar showed while the file went up (the page hides it again once the file is listed)
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "window.progressSeen = [];"
                            + "document.addEventListener('htmx:xhr:progress', function () {"
                            + "  var bar = document.getElementById('upload-progress');"
                            + "  window.progressSeen.push(bar.hidden ? -1 : bar.value); });");
            browser.find(By.id("upload-button")).click();
            browser.waitForText(By.id("attachment-list"), pdf.getFileName().toString());
            @SuppressWarnings("unchecked")
            List<Number> progress = (List<Number>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return window.progressSeen;");
            assertFalse(progress.isEmpty(), "the upload reported progress");
            assertEquals(100, progress.get(progress.size() - 1).intValue(), "the visible bar ran to 100%: " + progress);
            assertTrue(browser.text(By.id("attachment-list")).contains("2.0 MB"));
            browser.screenshot("bid-form-" + shot);

            browser.find(By.id("bid-submit")).click();
            browser.waitForUrl("/receipt");
            assertEquals("1", browser.text(By.id("receipt-version")).strip());
            assertTrue(browser.text(By.id("receipt-hash")).matches("(?s).*[0-9a-f]{64}.*"));
            assertTrue(browser.text(By.id("receipt-time")).contains(lang.equals("en") ? "Beijing time" : "北京时间"));
            browser.screenshot("receipt-" + shot);
            assertNoInternals(browser);

            String bidUrl = browser.url().replaceAll("/receipt.*$", "");
            browser.go(bidUrl.substring(portal.length()));
            browser.waitFor(By.id("revise-link")).click();
            browser.waitFor(By.id("bid-form"));
            browser.type(By.id("technicalApproach"), "化学放大光刻胶体系，双层工艺");
            browser.find(By.id("bid-submit")).click();
            browser.waitForUrl("version=2");
            assertEquals("2", browser.text(By.id("receipt-version")).strip());

            browser.go("/inbox");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                browser.go("/inbox");
                return browser.text(By.id("inbox-items")).contains(lang.equals("en") ? "Receipt" : "申报回执")
                        || browser.text(By.id("inbox-items")).contains("申报回执");
            });
            int unreadWithReceipts = unread(browser);
            assertTrue(unreadWithReceipts >= 2 && (unreadBefore == null || unreadWithReceipts > unreadBefore),
                    "both receipts are unread: " + unreadBefore + " then " + unreadWithReceipts);
            browser.screenshot("inbox-" + shot);
            browser.find(By.id("mark-all-read")).click();
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.all(By.id("unread-count")).isEmpty());
            assertNoInternals(browser);
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    /** The navigation's unread count, or null when there is none. */
    private static Integer unread(Browser browser) {
        List<org.openqa.selenium.WebElement> badge = browser.all(By.id("unread-count"));
        return badge.isEmpty() ? null : Integer.valueOf(badge.get(0).getText().strip());
    }

    /** A date input takes keys in the browser's locale order; set its value as the form would submit it. */
    private static void setDate(Browser browser, String id, String isoDate) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "var e = document.getElementById(arguments[0]); e.value = arguments[1];"
                        + " e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
                id, isoDate);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static void assertNoInternals(Browser browser) {
        String text = browser.pageText();
        for (String leak : List.of("Exception", "\"type\"", "{\"", "cn.jiebang", "java.", "io.micronaut")) {
            assertFalse(text.contains(leak), "the page shows " + leak + ":\n" + text);
        }
    }
}
