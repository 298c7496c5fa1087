/* The breaking news banner: loaded right after it, so a banner this reader dismissed is
   hidden before it is painted, and the Dismiss button works only where this script runs. */
(function () {
  var key = "broadsheet:breaking-dismissed";
  var banner = document.currentScript && document.currentScript.previousElementSibling;
  if (!banner || !banner.hasAttribute("data-breaking")) return;
  var id = banner.getAttribute("data-breaking");
  try {
    if (localStorage.getItem(key) === id) { banner.hidden = true; return; }
  } catch (e) { /* storage refused: the banner stays, as without JavaScript */ }
  var button = banner.querySelector("[data-breaking-dismiss]");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    try { localStorage.setItem(key, id); } catch (e) { /* shown again next page */ }
    banner.remove();
  });
})();
