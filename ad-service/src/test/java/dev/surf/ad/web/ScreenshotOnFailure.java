package dev.surf.ad.web;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Saves target/screenshots/FAILED-Class-method.png when a browser test fails. */
public class ScreenshotOnFailure implements TestWatcher {
    private final Supplier<Browser> browser;

    public ScreenshotOnFailure(Supplier<Browser> browser) {
        this.browser = browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser b = browser.get();
        if (b == null) {
            return;
        }
        String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                + context.getTestMethod().map(m -> m.getName()).orElse("unknown");
        try {
            System.err.println("screenshot of the failure: " + b.fullPage(name).toAbsolutePath());
            System.err.println("browser console: " + Optional.ofNullable(b.driver.manage().logs())
                    .map(l -> l.get("browser").getAll().toString()).orElse(""));
        } catch (RuntimeException e) {
            System.err.println("could not save the failure screenshot: " + e);
        }
    }
}
