// Keeps the pass QR fresh. A QR is accepted for its own 30-second step and the next one,
// so fetching every 15 seconds means the code on screen always works at the till.
(function () {
  "use strict";
  var box = document.getElementById("pass-qr");
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute("data-refresh-url");
  var status = document.getElementById("pass-qr-status");
  function refresh() {
    if (document.hidden) { return; }
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) {
        box.innerHTML = data.svg;
        box.setAttribute("data-step", data.step);
        if (status) { status.hidden = true; }
      })
      .catch(function () {
        if (status) { status.hidden = false; }
      });
  }
  setInterval(refresh, 15000);
  document.addEventListener("visibilitychange", refresh);
})();
