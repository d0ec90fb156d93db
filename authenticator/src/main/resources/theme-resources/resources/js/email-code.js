// Counts down the resend cooldown on the Resend code button. Without JavaScript the page says how long to wait and
// the server refuses an early resend with a message, so this only saves a pointless click.
const button = document.getElementById("email-code-resend");

if (button) {
  const label = button.textContent.trim();
  const waitingLabel = button.dataset.countdownLabel;
  let seconds = Number.parseInt(button.dataset.cooldownSeconds ?? "0", 10);

  const render = () => {
    if (seconds > 0) {
      button.disabled = true;
      button.textContent = waitingLabel.replace("%s", String(seconds));
    } else {
      button.disabled = false;
      button.textContent = label;
      const hint = document.getElementById("email-code-resend-wait");
      if (hint) {
        hint.hidden = true;
      }
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
