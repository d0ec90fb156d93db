<#-- Table layout and inline styles: what Outlook, Gmail and Apple Mail all render the same way. -->
<!DOCTYPE html>
<html lang="${locale.language}" dir="${ltr?then('ltr','rtl')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${msg("emailCodeSubject", realmName)}</title>
</head>
<body style="margin:0;padding:0;background-color:${properties.sprPageColor};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${properties.sprPageColor};">
  <tr>
    <td align="center" style="padding:24px 12px;">
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background-color:#ffffff;border-radius:8px;">
        <tr>
          <td style="background-color:${properties.sprBrandColor};color:${properties.sprBrandContrastColor};padding:18px 28px;font-family:Helvetica,Arial,sans-serif;font-size:18px;line-height:24px;font-weight:bold;border-radius:8px 8px 0 0;">${realmName}</td>
        </tr>
        <tr>
          <td style="padding:28px;font-family:Helvetica,Arial,sans-serif;color:${properties.sprTextColor};font-size:16px;line-height:24px;">
            <h1 style="margin:0 0 16px 0;font-size:22px;line-height:28px;font-weight:bold;">${msg("emailCodeBodyHeading")}</h1>
            <p style="margin:0 0 20px 0;">${msg("emailCodeBodyIntro", realmName)}</p>
            <table role="presentation" cellpadding="0" cellspacing="0" border="0" align="center" style="margin:0 auto 20px auto;">
              <tr>
                <td style="padding:14px 26px;border:1px solid #c7d2e0;border-radius:6px;background-color:#f4f7fb;font-family:Consolas,'Courier New',monospace;font-size:34px;line-height:40px;letter-spacing:6px;font-weight:bold;color:${properties.sprTextColor};">${code}</td>
              </tr>
            </table>
            <p style="margin:0 0 20px 0;"><#if lifetimeMinutes??>${msg("emailCodeBodyValidMinutes", lifetimeMinutes)}<#else>${msg("emailCodeBodyValidSeconds", lifetimeSeconds)}</#if></p>
            <p style="margin:0;color:${properties.sprMutedTextColor};font-size:14px;line-height:20px;">${msg("emailCodeBodyNotYou")}</p>
          </td>
        </tr>
        <tr>
          <td style="padding:16px 28px;border-top:1px solid #e4e8ee;font-family:Helvetica,Arial,sans-serif;color:${properties.sprMutedTextColor};font-size:12px;line-height:18px;">${msg("emailCodeBodyFooter", realmName)}</td>
        </tr>
      </table>
    </td>
  </tr>
</table>
</body>
</html>
