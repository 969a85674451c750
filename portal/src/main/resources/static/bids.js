// The bid pages' small behaviours: rows added and removed (buttons, so keyboard works), each committed value
// checked against its target as it is typed (bid-service checks again), the upload form reset, printing.
(function () {
  if (window.jiebangBids) { return; }
  window.jiebangBids = true;

  function firstField(root) {
    return root && root.querySelector('input:not([type=hidden]), textarea, select');
  }

  document.addEventListener('click', function (e) {
    var add = e.target.closest('[data-add-row]');
    if (add) {
      var template = document.getElementById(add.getAttribute('data-add-row'));
      var rows = document.getElementById(add.getAttribute('data-rows'));
      var index = parseInt(rows.getAttribute('data-next-index') || '0', 10);
      rows.setAttribute('data-next-index', String(index + 1));
      rows.insertAdjacentHTML('beforeend', template.innerHTML.replace(/INDEX/g, String(index)));
      var added = firstField(rows.lastElementChild);
      if (added) { added.focus(); }
      return;
    }
    var remove = e.target.closest('[data-remove-row]');
    if (remove) {
      var row = remove.closest('[data-row]');
      var section = row.closest('fieldset:not([data-row]), section');
      var neighbour = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      var focus = firstField(neighbour) || (section && section.querySelector('[data-add-row], input[type=file]'));
      if (focus) { focus.focus(); }
      return;
    }
    if (e.target.closest('[data-print]')) {
      window.print();
    }
  });

  function check(input) {
    var message = document.getElementById(input.id + '-check');
    if (!message) { return; }
    var text = input.value.replace(/[,，\s]/g, '');
    var weaker = false;
    if (/^-?\d+(\.\d+)?$/.test(text)) {
      var value = parseFloat(text);
      var target = parseFloat(input.getAttribute('data-target'));
      weaker = input.getAttribute('data-direction') === 'AT_MOST' ? value > target : value < target;
    }
    message.hidden = !weaker;
    if (weaker) {
      input.setAttribute('aria-invalid', 'true');
    } else if (!document.getElementById(input.id + '-error')) {
      input.removeAttribute('aria-invalid');
    }
  }

  document.addEventListener('input', function (e) {
    if (e.target.matches && e.target.matches('[data-indicator]')) { check(e.target); }
  });

  document.addEventListener('htmx:afterRequest', function (e) {
    var form = e.detail && e.detail.elt;
    if (form && form.id === 'upload-form') {
      if (e.detail.successful) { form.reset(); }
      var bar = form.querySelector('[data-upload-progress]');
      if (bar) { bar.hidden = true; bar.value = 0; }
      var percent = form.querySelector('[data-upload-percent]');
      if (percent) { percent.textContent = ''; }
    }
  });
})();
