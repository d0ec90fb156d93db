<#-- The code could not be emailed. Nothing was counted against the user; trying again sends a new code. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        ${msg("emailCodeTitle")}
    <#elseif section = "form">
        <form id="email-code-retry-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" data-step-url="${emailCodeStepUrl}">
            <div class="${properties.kcFormGroupClass!}">
                <button id="email-code-retry" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                        type="submit" name="emailCodeAction" value="send">${msg("emailCodeTryAgain", emailCodeAddress)}</button>
            </div>
        </form>
        <script type="module" src="${url.resourcesPath}/js/email-code.js"></script>
    <#elseif section = "info">
        <a id="email-code-restart" href="${url.loginRestartFlowUrl}">${msg("emailCodeAnotherUser")}</a>
    </#if>
</@layout.registrationLayout>
