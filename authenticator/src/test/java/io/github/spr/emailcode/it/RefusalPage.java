package io.github.spr.emailcode.it;

import org.keycloak.testframework.ui.page.AbstractPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** Why no code can be had, with only a way to start over. */
public class RefusalPage extends AbstractPage {

    public RefusalPage(ManagedWebDriver driver) {
        super(driver);
    }

    @Override
    public String getExpectedPageId() {
        return HttpSignIn.UNAVAILABLE_PAGE;
    }
}
