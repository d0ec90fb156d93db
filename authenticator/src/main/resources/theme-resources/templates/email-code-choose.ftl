<#-- Step 1 of the email code: the user confirms the address the code will go to. Nothing is sent until the button is pressed. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        ${msg("emailCodeTitle")}
    <#elseif section = "form">
        <p id="email-code-choose-instruction" class="email-code-instruction">${msg("emailCodeChooseInstruction")}</p>
        <form id="email-code-choose-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" data-step-url="${emailCodeStepUrl}">
            <div class="${properties.kcFormGroupClass!}">
                <button id="email-code-send" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} email-code-address-button"
                        type="submit" name="emailCodeAction" value="send" aria-describedby="email-code-choose-instruction">
                    <span class="email-code-address">${emailCodeAddress}</span>
                    <span class="email-code-address-action">${msg("emailCodeSendAction")}</span>
                </button>
            </div>
        </form>
        <script type="module" src="${url.resourcesPath}/js/email-code.js"></script>
    <#elseif section = "info">
        <a id="email-code-restart" href="${url.loginRestartFlowUrl}">${msg("emailCodeAnotherUser")}</a>
    </#if>
</@layout.registrationLayout>
