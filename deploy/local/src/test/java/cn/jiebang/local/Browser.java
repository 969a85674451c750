package cn.jiebang.local;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Debian's headless Chromium driven by Selenium, as a person would use the portal: it waits for what a
 * page shows (htmx swaps pages in place), and saves screenshots, which are the docs' pictures.
 * Selenium Manager is never asked to download a driver: it is {@code /usr/bin/chromedriver}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;
    private final Path screenshots;

    private Browser(WebDriver driver, String base, Path screenshots) {
        this.driver = driver;
        this.base = base;
        this.screenshots = screenshots;
    }

    /**
     * A fresh browser (no cookies) in {@code language}, {@code width} pixels wide. Without Chromium the
     * test is skipped on a developer's machine; CI installs it (.ci/run) and must never skip.
     */
    static Browser open(String base, String language, int width, Path screenshots) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the browser tests: install chromium and chromium-driver");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=" + language, "--window-size=" + width + ",900", "--force-device-scale-factor=1");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, 900));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, base, screenshots);
    }

    WebDriver driver() {
        return driver;
    }

    Browser go(String path) {
        driver.get(base + path);
        waitFor(By.tagName("main"));
        return this;
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the element's text contains {@code text}, and answers the element. */
    WebElement waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    void waitForUrl(String fragment) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains(fragment));
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = screenshot("failed-" + System.currentTimeMillis());
            throw new AssertionError("never reached " + fragment + " (screenshot " + shot + "); the page says:\n"
                    + pageText(), e);
        }
        waitFor(By.tagName("main"));
    }

    /** Chooses an option of a select; htmx may swap the page meanwhile, so this retries. */
    void select(By by, String value) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    new org.openqa.selenium.support.ui.Select(d.findElement(by)).selectByValue(value);
                    return true;
                });
    }

    /** Clicks; htmx may swap the element meanwhile, so this retries. */
    void click(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(by).click();
                    return true;
                });
    }

    /** An element's text; htmx may swap the element between finding and reading it, so this retries. */
    String text(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(by).getText());
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    void type(By by, String text) {
        WebElement field = waitFor(by);
        field.clear();
        field.sendKeys(text);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Sign-in through the form, waiting until the navigation bar names the person. */
    void signIn(String email, String password) {
        go("/signin");
        type(By.id("email"), email);
        type(By.id("password"), password);
        find(By.id("sign-in-submit")).click();
        waitFor(By.id("who"));
    }

    /** A full-page screenshot, {@code <name>.png} under the screenshots directory. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = screenshots.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's text, for "no raw JSON, stack trace or class name" checks. */
    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
