package app.roster.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A {@link Browser} the size of a phone (375 px, Chromium's mobile emulation) for as long as it is open. A page it
 * {@linkplain #fits fits} is checked by axe-core at that width, must not scroll sideways and leaves a screenshot in
 * target/screenshots/; the browser's own waits check each kind of page at 375 px once more (the kind includes the
 * width). Closing it gives the Chromium back its desktop size.
 */
public final class Phone implements AutoCloseable {

    public static final int WIDTH = 375;

    private final Browser browser;

    private Phone(Browser browser) {
        this.browser = browser;
        driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.<String, Object>of("width", WIDTH, "height", 1400, "deviceScaleFactor", 1, "mobile", true));
    }

    public static Phone of(Browser browser) {
        return new Phone(browser);
    }

    /** Opens the page, runs axe over it (always), saves a screenshot and asserts it does not scroll sideways. */
    public Phone fits(String path, String name) {
        browser.load(path);
        return fitsAsItIs(name);
    }

    /** {@link #fits} for the page the browser shows now (the answer to a form, say). */
    public Phone fitsAsItIs(String name) {
        browser.accessibleNow();
        screenshot(browser, "phone-" + name);
        Number scrollWidth = (Number) js().executeScript("return document.documentElement.scrollWidth;");
        assertThat(scrollWidth.intValue()).as("page width of %s at %d px", browser.path(), WIDTH)
                .isLessThanOrEqualTo(WIDTH);
        return this;
    }

    /** The element lies inside the 375 px wide viewport (not cut off at its right edge). */
    public Phone inView(WebElement element) {
        Number right = (Number) js().executeScript("return arguments[0].getBoundingClientRect().right;", element);
        assertThat(right.doubleValue()).isLessThanOrEqualTo(WIDTH);
        return this;
    }

    @Override
    public void close() {
        driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.<String, Object>of());
    }

    public static void screenshot(Browser browser, String name) {
        Object shot = ((ChromeDriver) browser.driver())
                .executeCdpCommand("Page.captureScreenshot", Map.<String, Object>of("format", "png")).get("data");
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), Base64.getDecoder().decode((String) shot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ChromeDriver driver() {
        return (ChromeDriver) browser.driver();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }
}
