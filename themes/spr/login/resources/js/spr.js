// Progressive enhancement for the spr pages; every page works without it. Loaded as a module file, so a
// Content-Security-Policy of script-src 'self' allows it. The values come from data attributes on <body>.
import { checkAuthSession, startSessionPolling } from "./authChecker.js";

const { ssoInOtherTabUrl, authSessionHash } = document.body.dataset;

// Signed in meanwhile in another tab: continue there instead of asking again.
if (ssoInOtherTabUrl) {
  startSessionPolling(ssoInOtherTabUrl);
}
// This tab's login was replaced by a newer one in another tab: reload to show the current step.
if (authSessionHash) {
  checkAuthSession(authSessionHash);
}
