package io.github.spr.emailcode.it;

import java.time.Duration;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real browser returns from a click before the next page is there; wait until the clicked page is gone. */
final class PageNavigation {

    private PageNavigation() {
    }

    static void clickAndWaitForNextPage(ManagedWebDriver driver, WebElement element) {
        element.click();
        new WebDriverWait(driver.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(element));
    }
}
