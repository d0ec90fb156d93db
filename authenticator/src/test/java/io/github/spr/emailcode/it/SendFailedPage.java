package io.github.spr.emailcode.it;

import org.keycloak.testframework.ui.page.AbstractPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/** "We could not send the verification code", with Try again. */
public class SendFailedPage extends AbstractPage {

    public SendFailedPage(ManagedWebDriver driver) {
        super(driver);
    }

    @Override
    public String getExpectedPageId() {
        return HttpSignIn.SEND_FAILED_PAGE;
    }

    public void tryAgain() {
        PageNavigation.clickAndWaitForNextPage(driver, driver.findElement(By.id("email-code-retry")));
    }
}
