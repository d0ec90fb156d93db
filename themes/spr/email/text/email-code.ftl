<#ftl output_format="plainText">
${msg("emailCodeBodyHeading")}

${msg("emailCodeBodyIntro", realmName)}

    ${code}

<#if lifetimeMinutes??>${msg("emailCodeBodyValidMinutes", lifetimeMinutes)}<#else>${msg("emailCodeBodyValidSeconds", lifetimeSeconds)}</#if>

${msg("emailCodeBodyNotYou")}

--
${msg("emailCodeBodyFooter", realmName)}
