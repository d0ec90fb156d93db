package io.github.spr.emailcode.it;

import java.util.List;
import java.util.Optional;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The page-level message box of Keycloak's login layout. */
final class PageAlerts {

    private PageAlerts() {
    }

    static Optional<String> alert(ManagedWebDriver driver) {
        List<WebElement> alerts = driver.driver().findElements(By.cssSelector(".pf-v5-c-alert .pf-v5-c-alert__title, .alert .kc-feedback-text"));
        return alerts.isEmpty() ? Optional.empty() : Optional.of(alerts.get(0).getText().trim());
    }
}
