<#-- Step 2 of the email code: enter the code, ask for a new one, or start over as someone else. -->
<#import "template.ftl" as layout>
<#assign codeError = messagesPerField.get('emailCode')>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('emailCode'); section>
    <#if section = "header">
        ${msg("emailCodeTitle")}
    <#elseif section = "form">
        <p id="email-code-sent" class="email-code-instruction">
            ${msg("emailCodeSentTo", emailCodeAddress)}
            <#if emailCodeLifetimeMinutes??>${msg("emailCodeValidMinutes", emailCodeLifetimeMinutes)}<#else>${msg("emailCodeValidSeconds", emailCodeLifetimeSeconds)}</#if>
        </p>
        <form id="email-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" data-step-url="${emailCodeStepUrl}" novalidate="novalidate">
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormGroupLabelClass!}">
                    <label for="emailCode" class="${properties.kcFormLabelClass!}">
                        <span class="${properties.kcFormLabelTextClass!}">${msg("emailCodeLabel")}</span>
                    </label>
                </div>
                <span class="${properties.kcInputClass!}<#if codeError?has_content> ${properties.kcError!}</#if>">
                    <input id="emailCode" name="emailCode" type="text" value="" autofocus aria-required="true"
                           autocomplete="one-time-code" inputmode="numeric" maxlength="64" spellcheck="false"
                           aria-invalid="${codeError?has_content?then('true', 'false')}"
                           aria-describedby="<#if codeError?has_content>input-error-emailCode </#if>email-code-sent"/>
                </span>
                <div id="input-error-container-emailCode">
                    <#if codeError?has_content>
                        <div class="${properties.kcFormHelperTextClass!}" aria-live="polite">
                            <div class="${properties.kcInputHelperTextClass!}">
                                <div class="${properties.kcInputHelperTextItemClass!} ${properties.kcError!}" id="input-error-emailCode">
                                    <span class="${properties.kcInputErrorMessageClass!}">${codeError}</span>
                                </div>
                            </div>
                        </div>
                    </#if>
                </div>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!}">
                    <#-- First submit button: pressing Enter in the code field validates. -->
                    <button id="email-code-validate" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                            type="submit" name="emailCodeAction" value="validate">${msg("emailCodeValidate")}</button>
                    <button id="email-code-resend" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                            type="submit" name="emailCodeAction" value="resend" formnovalidate="formnovalidate"
                            data-cooldown-seconds="${emailCodeResendWaitSeconds}" data-countdown-label="${msg("emailCodeResendCountdown", "%s")}"
                            <#if emailCodeResendWaitSeconds != "0">aria-describedby="email-code-resend-wait"</#if>>${msg("emailCodeResend")}</button>
                </div>
                <#if emailCodeResendWaitSeconds != "0">
                    <p id="email-code-resend-wait" class="${properties.kcInputHelperTextItemTextClass!} email-code-resend-wait">${msg("emailCodeResendIn", emailCodeResendWaitSeconds)}</p>
                </#if>
            </div>
        </form>
        <script type="module" src="${url.resourcesPath}/js/email-code.js"></script>
    <#elseif section = "info">
        <a id="email-code-restart" href="${url.loginRestartFlowUrl}">${msg("emailCodeAnotherUser")}</a>
    </#if>
</@layout.registrationLayout>
