package io.github.spr.emailcode.it;

import java.util.Optional;
import org.openqa.selenium.By;
import org.keycloak.testframework.ui.page.AbstractPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** "Verify your identity", first page: the address the code will go to. */
public class ChooseAddressPage extends AbstractPage {

    public ChooseAddressPage(ManagedWebDriver driver) {
        super(driver);
    }

    @Override
    public String getExpectedPageId() {
        return HttpSignIn.CHOOSE_PAGE;
    }

    public String title() {
        return driver.findElement(By.id("kc-page-title")).getText().trim();
    }

    public String address() {
        return driver.findElement(By.cssSelector("#email-code-send .email-code-address")).getText().trim();
    }

    public void chooseAddress() {
        PageNavigation.clickAndWaitForNextPage(driver, driver.findElement(By.id("email-code-send")));
    }

    public Optional<String> alert() {
        return PageAlerts.alert(driver);
    }

    public void startOver() {
        PageNavigation.clickAndWaitForNextPage(driver, driver.findElement(By.id("email-code-restart")));
    }

}
