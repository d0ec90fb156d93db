<#-- Shown when no code can be sent to this user at all. The login cannot continue from here; only starting over can. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        ${msg("emailCodeTitle")}
    <#elseif section = "info">
        <a id="email-code-restart" href="${url.loginRestartFlowUrl}">${msg("emailCodeAnotherUser")}</a>
    </#if>
</@layout.registrationLayout>
