<#--
  "Try another way": the second factors this user can choose from. Each is a real submit button in its own form,
  unlike keycloak.v2's clickable div with an inline onclick: it works with the keyboard, without JavaScript and
  under a strict Content-Security-Policy.
-->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=false; section>
    <#if section = "header">
        ${msg("loginChooseAuthenticator")}
    <#elseif section = "form">
        <ul class="spr-select-auth-list" role="list">
            <#list auth.authenticationSelections as authenticationSelection>
                <li>
                    <form id="kc-select-credential-form-${authenticationSelection?index}" action="${url.loginAction}" method="post">
                        <input type="hidden" name="authenticationExecution" value="${authenticationSelection.authExecId}">
                        <button type="submit" class="spr-select-auth-option" aria-describedby="kc-select-help-${authenticationSelection?index}">
                            <span class="spr-select-auth-title">${msg('${authenticationSelection.displayName}')}</span>
                            <span id="kc-select-help-${authenticationSelection?index}" class="spr-select-auth-help">${msg('${authenticationSelection.helpText}')}</span>
                        </button>
                    </form>
                </li>
            </#list>
        </ul>
    </#if>
</@layout.registrationLayout>
