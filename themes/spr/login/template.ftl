<#--
  The spr page layout. Same macro and sections as keycloak.v2's, so every login page of Keycloak renders in it,
  but strict-CSP friendly: no inline script, no inline event handler, no javascript: URL, no style attribute.
  Everything works without JavaScript; resources/js/spr.js only adds Keycloak's "signed in in another tab" check.
-->
<#import "footer.ftl" as loginFooter>
<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false>
<!DOCTYPE html>
<html class="${properties.kcHtmlClass!}" lang="${lang}"<#if realm.internationalizationEnabled> dir="${(locale.rtl)?then('rtl','ltr')}"</#if>>
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light">
    <meta name="robots" content="noindex, nofollow">
    <#-- Keycloak 26.7 passes the title; 26.4 and 26.5 do not (their own layouts build it like this). -->
    <title>${title!msg("loginTitle", (realm.displayName!''))}</title>
    <link rel="icon" href="${url.resourcesPath}/img/favicon.svg" type="image/svg+xml">
    <#if properties.stylesCommon?has_content>
        <#list properties.stylesCommon?split(' ') as style>
            <link href="${url.resourcesCommonPath}/${style}" rel="stylesheet">
        </#list>
    </#if>
    <#if properties.styles?has_content>
        <#list properties.styles?split(' ') as style>
            <link href="${url.resourcesPath}/${style}" rel="stylesheet">
        </#list>
    </#if>
    <script type="module" src="${url.resourcesPath}/js/passwordVisibility.js"></script>
    <script type="module" src="${url.resourcesPath}/js/spr.js"></script>
    <#if scripts??>
        <#list scripts as script>
            <script src="${script}"></script>
        </#list>
    </#if>
</head>

<body id="keycloak-bg" class="${properties.kcBodyClass!} ${bodyClass}" data-page-id="login-${pageId}"
      data-sso-in-other-tab-url="${url.ssoLoginInOtherTabsUrl}"<#if authenticationSession??> data-auth-session-hash="${authenticationSession.authSessionIdHash}"</#if>>
<a class="spr-skip-link" href="#kc-page-title">${msg("sprSkipToContent")}</a>
<div class="${properties.kcLogin!}">
  <div class="${properties.kcLoginContainer!}">
    <header id="kc-header" class="pf-v5-c-login__header">
      <div id="kc-header-wrapper" class="pf-v5-c-brand">${kcSanitize(msg("loginTitleHtml",(realm.displayNameHtml!'')))?no_esc}</div>
    </header>
    <main class="${properties.kcLoginMain!}">
      <div class="${properties.kcLoginMainHeader!} spr-main-header">
        <h1 class="${properties.kcLoginMainTitle!}" id="kc-page-title" tabindex="-1"><#nested "header"></h1>
        <#if realm.internationalizationEnabled && locale.supported?size gt 1>
          <nav class="spr-locales" aria-label="${msg("sprLanguage")}">
            <details>
              <summary><span class="spr-locales-label">${msg("sprLanguage")}:</span> ${locale.current}</summary>
              <ul id="spr-locale-list">
                <#list locale.supported?sort_by("label") as l>
                  <li><a href="${l.url}" lang="${l.languageTag}" hreflang="${l.languageTag}"<#if l.languageTag == locale.currentLanguageTag> aria-current="true"</#if>>${l.label}</a></li>
                </#list>
              </ul>
            </details>
          </nav>
        </#if>
      </div>
      <div class="${properties.kcLoginMainBody!}">
        <#if displayRequiredFields>
          <p class="spr-required-note"><span class="${properties.kcInputRequiredClass!}" aria-hidden="true">*</span> ${msg("requiredFields")}</p>
        </#if>
        <#if auth?has_content && auth.showUsername() && !auth.showResetCredentials()>
          <div class="spr-attempted-username">
            <#nested "show-username">
            <span class="spr-attempted-username-label">${msg("sprSigningInAs")}</span>
            <span id="kc-attempted-username">${auth.attemptedUsername!''}</span>
            <a id="reset-login" href="${url.loginRestartFlowUrl}">${msg("sprNotYou")}</a>
          </div>
        </#if>

        <#-- App-initiated actions do not show warnings about the action they are performing. A message without a
             summary does happen: Keycloak can hand over a null message when two posts of one login race. -->
        <#if displayMessage && message?has_content && message.summary?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
          <div class="${properties.kcAlertClass!} pf-m-${(message.type = 'error')?then('danger', message.type)}"
               role="${(message.type = 'error' || message.type = 'warning')?then('alert', 'status')}">
            <div class="${properties.kcAlertIconClass!}" aria-hidden="true">
              <span class="<#if message.type = 'success'>${properties.kcFeedbackSuccessIcon!}<#elseif message.type = 'warning'>${properties.kcFeedbackWarningIcon!}<#elseif message.type = 'error'>${properties.kcFeedbackErrorIcon!}<#else>${properties.kcFeedbackInfoIcon!}</#if>"></span>
            </div>
            <span class="${properties.kcAlertTitleClass!} kc-feedback-text">${message.summary}</span>
          </div>
        </#if>

        <#nested "form">

        <#if auth?has_content && auth.showTryAnotherWayLink()>
          <form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post" novalidate="novalidate">
            <input type="hidden" name="tryAnotherWay" value="on">
            <button id="try-another-way" type="submit" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} spr-spaced">${msg("doTryAnotherWay")}</button>
          </form>
        </#if>
        <#if switchOrganizationEnabled?? && switchOrganizationEnabled>
          <form id="kc-switch-organization-form" action="${url.loginAction}" method="post" novalidate="novalidate">
            <input type="hidden" name="switchOrganization" value="true">
            <button id="switch-organization" type="submit" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} spr-spaced">${msg("doSwitchOrganization")}</button>
          </form>
        </#if>

        <div class="${properties.kcLoginMainFooter!}">
          <#nested "socialProviders">
          <#if displayInfo>
            <div id="kc-info" class="${properties.kcLoginMainFooterBand!} ${properties.kcFormClass!}">
              <div id="kc-info-wrapper" class="${properties.kcLoginMainFooterBandItem!}">
                <#nested "info">
              </div>
            </div>
          </#if>
        </div>
      </div>
      <div class="${properties.kcLoginMainFooter!}">
        <@loginFooter.content/>
      </div>
    </main>
  </div>
</div>
</body>
</html>
</#macro>
