package app.roster.support;

import com.deque.html.axecore.args.AxeRuleOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * axe-core over the page in the browser: a "serious" or "critical" violation fails the test, naming the rule,
 * the elements and the rule's help page. {@link Browser} runs it once per page it waits for.
 */
public final class AccessibilityCheck {

    private static final Set<String> FAILING = Set.of("serious", "critical");
    private static final AtomicInteger PAGES = new AtomicInteger();
    private static final AtomicLong NANOS = new AtomicLong();

    private AccessibilityCheck() {
    }

    public static void assertNoSeriousViolations(WebDriver driver) {
        List<Rule> found = violations(driver);
        if (!found.isEmpty()) {
            throw new AssertionError("Accessibility violations on " + driver.getCurrentUrl() + ":\n"
                    + found.stream().map(AccessibilityCheck::describe).collect(Collectors.joining("\n")));
        }
    }

    /** The serious and critical violations on the page as it is now. */
    public static List<Rule> violations(WebDriver driver) {
        long start = System.nanoTime();
        Results results = new AxeBuilder().withOptions(options()).analyze(driver);
        NANOS.addAndGet(System.nanoTime() - start);
        PAGES.incrementAndGet();
        if (results.isErrored()) {
            throw new AssertionError("axe could not check " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        return results.getViolations().stream().filter(rule -> FAILING.contains(rule.getImpact())).toList();
    }

    /** How many pages this JVM checked and the seconds it took, for the build output ({@link PassTimer}). */
    static String spent() {
        return String.format(java.util.Locale.ROOT, "%d pages checked by axe in %.1f s", PAGES.get(), NANOS.get() / 1e9);
    }

    /**
     * axe's default rules plus "label-content-name-mismatch" (WCAG 2.5.3, still marked experimental, so off by
     * default): an accessible name must contain the visible text. Only violations are reported, frames skipped.
     */
    private static AxeRunOptions options() {
        AxeRuleOptions on = new AxeRuleOptions();
        on.setEnabled(true);
        AxeRunOptions options = new AxeRunOptions();
        options.setRules(Map.of("label-content-name-mismatch", on));
        options.setResultTypes(List.of("violations"));
        options.setIFrames(false);
        return options;
    }

    private static String describe(Rule rule) {
        String targets = rule.getNodes().stream().map(AccessibilityCheck::target).collect(Collectors.joining(", "));
        return "  [" + rule.getImpact() + "] " + rule.getId() + " at " + targets + " — " + rule.getHelpUrl();
    }

    private static String target(CheckedNode node) {
        return String.valueOf(node.getTarget());
    }
}
