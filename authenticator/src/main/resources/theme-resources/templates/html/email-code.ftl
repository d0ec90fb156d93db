<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("emailCodeBodyIntro", realmName)}</p>
<p style="font-size:28px;font-weight:bold;letter-spacing:4px;font-family:Consolas,'Courier New',monospace;">${code}</p>
<p><#if lifetimeMinutes??>${msg("emailCodeBodyValidMinutes", lifetimeMinutes)}<#else>${msg("emailCodeBodyValidSeconds", lifetimeSeconds)}</#if></p>
<p>${msg("emailCodeBodyNotYou")}</p>
</@layout.emailLayout>
