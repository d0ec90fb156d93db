<#--
  The authenticator-app code (Keycloak's OTP form), for users who have one. As keycloak.v2's page, but a user with
  several authenticator apps picks one with radio buttons instead of an inline script, so the page works without
  JavaScript and under a strict Content-Security-Policy.
-->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('totp'); section>
    <#if section="header">
        ${msg("doLogIn")}
    <#elseif section="form">
        <form id="kc-otp-login-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#if otpLogin.userOtpCredentials?size gt 1>
                <fieldset class="${properties.kcFormGroupClass!} spr-otp-credentials">
                    <legend class="${properties.kcFormLabelClass!}">${msg("loginOtpOneTime")}</legend>
                    <#list otpLogin.userOtpCredentials as otpCredential>
                        <label class="spr-otp-credential">
                            <input type="radio" name="selectedCredentialId" value="${otpCredential.id}"
                                   <#if otpCredential.id == (otpLogin.selectedCredentialId!'')>checked</#if>>
                            ${otpCredential.userLabel}
                        </label>
                    </#list>
                </fieldset>
            <#else>
                <input id="selectedCredentialId" type="hidden" name="selectedCredentialId" value="${otpLogin.selectedCredentialId!''}">
            </#if>

            <@field.input name="otp" label=msg("loginOtpOneTime") autocomplete="one-time-code" fieldName="totp" autofocus=true />

            <@buttons.loginButton />
        </form>
    </#if>
</@layout.registrationLayout>
