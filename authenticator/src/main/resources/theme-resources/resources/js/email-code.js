// Progressive enhancement for the email-code pages, loaded from a file so a strict Content-Security-Policy allows it.

// After a form post, point the address bar at the current step, so a reload asks for the step again instead of
// re-posting the form. Keycloak does this with an inline script, which a strict policy blocks.
const stepUrl = document.querySelector("[data-step-url]")?.dataset.stepUrl;
if (stepUrl && location.href !== stepUrl) {
  history.replaceState(null, "", stepUrl);
}

// Count down the resend cooldown on the Resend code button. Without JavaScript the page says how long to wait and
// the server refuses an early resend with a message, so this only saves a pointless click.
const button = document.getElementById("email-code-resend");

if (button) {
  const label = button.textContent.trim();
  const waitingLabel = button.dataset.countdownLabel;
  let seconds = Number.parseInt(button.dataset.cooldownSeconds ?? "0", 10);

  // The button shows the seconds now; the sentence under it (for pages without this script) would repeat them.
  const hint = document.getElementById("email-code-resend-wait");
  const render = () => {
    if (hint) {
      hint.hidden = true;
    }
    if (seconds > 0) {
      button.disabled = true;
      button.textContent = waitingLabel.replace("%s", String(seconds));
    } else {
      button.disabled = false;
      button.textContent = label;
    }
  };

  if (seconds > 0 && waitingLabel) {
    render();
    const timer = setInterval(() => {
      seconds -= 1;
      render();
      if (seconds <= 0) {
        clearInterval(timer);
      }
    }, 1000);
  }
}

// One post per page: a double click would send the form twice, and Keycloak answers the second post of a user
// while the first is still being handled with a "try again" page. Later submits of the same form are dropped, but
// nothing is disabled, so the first submit still carries the button that was pressed.
for (const form of document.querySelectorAll("form[data-step-url]")) {
  form.addEventListener("submit", (event) => {
    if (form.dataset.submitted === "true") {
      event.preventDefault();
      return;
    }
    form.dataset.submitted = "true";
  });
}

// A page the browser brings back from its cache (Back button) must be usable again.
window.addEventListener("pageshow", (event) => {
  if (event.persisted) {
    for (const form of document.querySelectorAll("form[data-step-url]")) {
      delete form.dataset.submitted;
    }
  }
});
