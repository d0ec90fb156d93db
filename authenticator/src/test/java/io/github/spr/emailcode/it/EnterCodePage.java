package io.github.spr.emailcode.it;

import java.util.List;
import java.util.Optional;
import org.keycloak.testframework.ui.page.AbstractPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** "Verify your identity", second page: the code field, Validate Code, Resend code, start over. */
public class EnterCodePage extends AbstractPage {

    public EnterCodePage(ManagedWebDriver driver) {
        super(driver);
    }

    @Override
    public String getExpectedPageId() {
        return HttpSignIn.CODE_PAGE;
    }

    public String title() {
        return driver.findElement(By.id("kc-page-title")).getText().trim();
    }

    public String sentInfo() {
        return driver.findElement(By.id("email-code-sent")).getText().trim();
    }

    public String validateButtonText() {
        return driver.findElement(By.id("email-code-validate")).getText().trim();
    }

    public WebElement codeInput() {
        return driver.findElement(By.id("emailCode"));
    }

    public void enterCode(String code) {
        WebElement input = codeInput();
        input.clear();
        input.sendKeys(code);
    }

    public void submitCode(String code) {
        enterCode(code);
        PageNavigation.clickAndWaitForNextPage(driver, driver.findElement(By.id("email-code-validate")));
    }

    /** Types the code and presses Enter, as after pasting from a mail app. */
    public void submitCodeWithEnter(String code) {
        enterCode(code);
        codeInput().sendKeys(Keys.ENTER);
    }

    public void resend() {
        PageNavigation.clickAndWaitForNextPage(driver, driver.findElement(By.id("email-code-resend")));
    }

    public Optional<String> codeError() {
        List<WebElement> errors = driver.driver().findElements(By.id("input-error-emailCode"));
        return errors.isEmpty() ? Optional.empty() : Optional.of(errors.get(0).getText().trim());
    }

    public Optional<String> resendWait() {
        List<WebElement> waits = driver.driver().findElements(By.id("email-code-resend-wait"));
        return waits.isEmpty() ? Optional.empty() : Optional.of(waits.get(0).getText().trim());
    }

    public Optional<String> alert() {
        return PageAlerts.alert(driver);
    }

    public void startOver() {
        PageNavigation.clickAndWaitForNextPage(driver, driver.findElement(By.id("email-code-restart")));
    }
}
