// Small behaviours htmx does not cover. No data, no tokens: the session cookie is HttpOnly.
document.addEventListener('htmx:xhr:progress', function (e) {
  var bar = document.querySelector('[data-upload-progress]');
  if (bar && e.detail && e.detail.lengthComputable) {
    bar.hidden = false;
    bar.value = Math.round(e.detail.loaded * 100 / e.detail.total);
    var label = document.querySelector('[data-upload-percent]');
    if (label) { label.textContent = bar.value + '%'; }
  }
});
// Move focus to the main content after a boosted navigation, so keyboard and screen-reader users land on it.
document.addEventListener('htmx:afterSettle', function (e) {
  if (e.detail && e.detail.boosted) {
    var alert = document.querySelector('[role=alert]');
    var main = document.getElementById('main');
    (alert || main) && (alert || main).focus && (alert || main).focus();
  }
});
