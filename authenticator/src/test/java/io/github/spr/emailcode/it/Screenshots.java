package io.github.spr.emailcode.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Saves what the browser shows. The directory comes from -Dspr.screenshots.dir (target/screenshots by default;
 * docs/screenshots refreshes the README's pictures).
 */
final class Screenshots {

    private Screenshots() {
    }

    static Path save(WebDriver driver, String name) {
        Path dir = Path.of(System.getProperty("spr.screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
