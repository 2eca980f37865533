// Quick exit: leave this site at once, by the exit control or by pressing Shift three times.
// The page is blanked first, then replaced in the tab, so Back does not come back to it.
(() => {
  "use strict";

  const PRESSES_TO_EXIT = 3;
  const MAX_GAP_MS = 2000; // between two Shift presses

  const controls = document.querySelectorAll("[data-quick-exit]");
  if (!controls.length) return;
  const destination = controls[0].href;
  const status = document.querySelector("[data-quick-exit-status]");
  const root = document.documentElement;

  function leave(url) {
    root.classList.add("quick-exit-active");
    if (status) status.textContent = status.dataset.leaving || "";
    window.location.replace(url);
  }

  controls.forEach((control) => {
    control.addEventListener("click", (event) => {
      event.preventDefault();
      leave(control.href);
    });
  });

  let presses = 0;
  let lastPress = 0;
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Shift") {
      presses = 0; // Shift held for a capital letter is typing, not an exit
      return;
    }
    if (event.repeat) return;
    const now = Date.now();
    presses = now - lastPress <= MAX_GAP_MS ? presses + 1 : 1;
    lastPress = now;
    if (presses >= PRESSES_TO_EXIT) {
      leave(destination);
    } else if (status) {
      status.textContent = status.dataset[`press${presses}`] || "";
    }
  });

  // A page restored from the back/forward cache must not stay blank.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) {
      root.classList.remove("quick-exit-active");
      presses = 0;
      if (status) status.textContent = "";
    }
  });
})();
