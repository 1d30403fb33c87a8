// Survey builder: after htmx replaces the question list, put the keyboard focus back on
// the question or section that was just changed (the server names it in the
// HX-Trigger-After-Swap event "zp-focus"); without this it would fall to <body>.
document.addEventListener("zp-focus", (event) => {
  const target = document.getElementById(event.detail.value);
  if (target) {
    target.focus();
  }
});
