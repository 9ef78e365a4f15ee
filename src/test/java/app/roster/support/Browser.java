package app.roster.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven the way a person uses the pages: fields found by their visible
 * label, buttons by their text. Missing Chromium fails the test: CI must never skip the browser. Closing
 * one keeps its Chromium, wiped, for the next test of the JVM.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(2);
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

    private final ChromeDriver driver;
    private final boolean javaScript;
    private final String base;

    public Browser(int port) {
        this(port, true);
    }

    /** A browser with JavaScript switched off, for the pages that must work without it. */
    public static Browser withoutJavaScript(int port) {
        return new Browser(port, false);
    }

    private Browser(int port, boolean javaScript) {
        this.javaScript = javaScript;
        this.driver = Idle.take(javaScript).orElseGet(() -> Idle.started(start(javaScript)));
        this.base = "http://127.0.0.1:" + port;
    }

    private static ChromeDriver start(boolean javaScript) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--lang=en-GB",
                // Bootstrap scrolls smoothly unless the user prefers reduced motion: a click could land mid-scroll.
                "--force-prefers-reduced-motion", "--disable-extensions", "--disable-software-rasterizer",
                "--disable-features=Translate,MediaRouter,OptimizationHints,SpareRendererForSitePerProcess,PaintHolding",
                "--disable-renderer-backgrounding", "--renderer-process-limit=1", "--mute-audio");
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        return driver;
    }

    public Browser open(String pathOrUrl) {
        return load(pathOrUrl).accessible();
    }

    /** Opens the page without {@link #accessible()}: for a caller that runs {@link #accessibleNow()} itself. */
    public Browser load(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        return this;
    }

    /**
     * Opens an emailed link on the application under test. Links are built from the configured base URL,
     * which does not know the test's random port, so only the path and query are kept.
     */
    public Browser openEmailed(String link) {
        URI uri = URI.create(link);
        return open(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** Opens the header's user menu ("Hello, X!") and clicks one of its items. */
    public Browser chooseFromUserMenu(String item) {
        return chooseFromDropdown("user-menu", item);
    }

    /** Opens the header's account switcher and clicks one of its accounts. */
    public Browser chooseFromAccountSwitcher(String accountName) {
        return chooseFromDropdown("account-switcher", accountName);
    }

    /** Types into the input whose visible label has this text. */
    public Browser fill(String label, String value) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(value);
        return this;
    }

    public WebElement field(String label) {
        WebElement labelElement = driver.findElement(By.xpath(
                "//label[normalize-space(.)=" + xpathLiteral(label) + "]"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    public Browser check(String label) {
        WebElement box = field(label);
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    /** Clicks the button or link with this visible text (the first visible one). */
    public Browser click(String text) {
        List<WebElement> candidates = driver.findElements(By.xpath(
                "//button[normalize-space(.)=" + xpathLiteral(text) + "] | //a[normalize-space(.)="
                        + xpathLiteral(text) + "] | //input[@type='submit' and @value=" + xpathLiteral(text) + "]"));
        WebElement target = candidates.stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow(() -> new AssertionError("No visible button or link '" + text + "' on " + url()));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", target);
        target.click();
        return this;
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String path() {
        return url().substring(base.length());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * The elements on the page as it is now, without the implicit wait for a first one to appear (two seconds
     * whenever there is none): for asserting what a page that has been waited for does not show.
     */
    public List<WebElement> findAllNow(String css) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return driver.findElements(By.cssSelector(css));
        } finally {
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
    }

    /** Waits until the page text contains the string. */
    public Browser waitForText(String text) {
        try {
            patiently().until(d -> text().contains(text));
        } catch (TimeoutException e) {
            throw new AssertionError("Waited for '" + text + "' on " + url() + ", page says: " + text(), e);
        }
        return accessible();
    }

    /** Waits until the browser is at this path (query included, if any). */
    public Browser waitForPath(String path) {
        try {
            patiently().until(d -> path().equals(path));
        } catch (TimeoutException e) {
            throw new AssertionError("Waited to be at " + path + " but am at " + path(), e);
        }
        return accessible();
    }

    /**
     * Runs axe over the page (see {@link AccessibilityCheck}) the first time this JVM's tests wait for a page
     * of its kind: paths that differ only in ids count as one, at each viewport width (a page seen at 1280 px is
     * checked again on a {@link Phone}). Pages of the application only, loaded in full.
     */
    public Browser accessible() {
        if (!javaScript || !url().startsWith(base)) {
            return this;
        }
        return CHECKED.contains(kind()) ? this : accessibleNow();
    }

    /**
     * Runs axe over the page as it is now, even when a page of its kind was checked before: for a page that shares
     * its path with another (the answer to a POST) or that has grown since (a log that was empty).
     */
    public Browser accessibleNow() {
        String kind = kind();
        AccessibilityCheck.assertNoSeriousViolations(driver);
        CHECKED.add(kind);
        return this;
    }

    /** The viewport's width and the path with its ids left out, once the page has loaded in full. */
    private String kind() {
        patiently().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return ((JavascriptExecutor) driver).executeScript("return window.innerWidth;") + " px "
                + URI.create(url()).getRawPath().replaceAll("/[0-9a-fA-F-]*[0-9][0-9a-fA-F-]*(?=/|$)", "/{id}");
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Hands the Chromium back for the next test, as good as new: no cookie (sessions, known device,
     * language), no cache, one blank tab. A Chromium that cannot be reset is quit instead.
     */
    @Override
    public void close() {
        try {
            List<String> tabs = List.copyOf(driver.getWindowHandles());
            for (String tab : tabs.subList(1, tabs.size())) {
                driver.switchTo().window(tab).close();
            }
            driver.switchTo().window(tabs.getFirst());
            driver.get("about:blank");
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", base, "storageTypes", "all"));
            Idle.put(javaScript, driver);
        } catch (RuntimeException e) {
            Idle.quit(driver);
        }
    }

    /**
     * Started Chromiums waiting for their next test: starting one costs seconds on a busy machine, and a
     * test class needs one to three. They are quit when the test JVM ends.
     */
    private static final class Idle {

        private static final Deque<ChromeDriver> WITH_JAVASCRIPT = new ArrayDeque<>();
        private static final Deque<ChromeDriver> WITHOUT_JAVASCRIPT = new ArrayDeque<>();
        private static final List<ChromeDriver> STARTED = new ArrayList<>();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (Idle.class) {
                    STARTED.forEach(driver -> {
                        try {
                            driver.quit();
                        } catch (RuntimeException ignored) {
                            // the JVM is going away anyway
                        }
                    });
                }
            }));
        }

        static synchronized Optional<ChromeDriver> take(boolean javaScript) {
            return Optional.ofNullable(idle(javaScript).pollFirst());
        }

        static synchronized ChromeDriver started(ChromeDriver driver) {
            STARTED.add(driver);
            return driver;
        }

        static synchronized void put(boolean javaScript, ChromeDriver driver) {
            idle(javaScript).addFirst(driver);
        }

        static synchronized void quit(ChromeDriver driver) {
            STARTED.remove(driver);
            driver.quit();
        }

        private static Deque<ChromeDriver> idle(boolean javaScript) {
            return javaScript ? WITH_JAVASCRIPT : WITHOUT_JAVASCRIPT;
        }
    }

    private Browser chooseFromDropdown(String toggleId, String item) {
        find("#" + toggleId).click();
        WebElement menu = find("[aria-labelledby='" + toggleId + "']");
        patiently().until(d -> menu.isDisplayed());
        WebElement entry = menu.findElement(By.xpath(".//*[(self::a or self::button) and normalize-space(.)="
                + xpathLiteral(item) + "]"));
        patiently().until(d -> entry.isDisplayed());
        entry.click();
        return this;
    }

    private WebDriverWait patiently() {
        // Selenium looks every 500 ms by default: most waits here are for a page load of a few dozen ms.
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static String xpathLiteral(String s) {
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        return "concat('" + s.replace("'", "', \"'\", '") + "')";
    }
}
