<#-- Shown when no code can be sent to this user at all. The login cannot continue from here; only starting over can. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        ${msg("emailCodeTitle")}
    <#elseif section = "form">
        <span hidden data-step-url="${emailCodeStepUrl}"></span>
        <script type="module" src="${url.resourcesPath}/js/email-code.js"></script>
    <#elseif section = "info">
        <a id="email-code-restart" href="${url.loginRestartFlowUrl}">${msg("emailCodeAnotherUser")}</a>
    </#if>
</@layout.registrationLayout>
