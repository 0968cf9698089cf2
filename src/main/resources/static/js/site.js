// Race to Place: small enhancements of pages that work without script.
// - a form that came back with errors: move focus to the summary, so screen readers read it first,
//   and its links move focus into the field they name;
// - the assessment: a countdown that follows the server's deadline, and autosave of each answer.
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.focus();
      summary.addEventListener('click', focusFieldOfProblem);
    }
    startCountdown();
    enableAutosave();
  });

  // a link of the error summary: following it only scrolls; put the focus in the field too, so
  // the candidate can type at once (for a group of choices, its first choice)
  function focusFieldOfProblem(event) {
    var link = event.target.closest('a[href^="#"]');
    var target = link && document.getElementById(link.getAttribute('href').substring(1));
    if (!target) {
      return;
    }
    if (!target.matches('input, select, textarea')) {
      var group = target.closest('fieldset');
      target = group && group.querySelector('input, select, textarea');
    }
    if (target) {
      event.preventDefault();
      target.focus();
    }
  }

  function startCountdown() {
    var box = document.getElementById('countdown');
    var value = document.getElementById('countdown-value');
    if (!box || !value) {
      return;
    }
    // the server's remaining seconds, counted from when this page arrived: the browser's clock
    // may be wrong, the elapsed time on it is not
    var remaining = parseInt(box.getAttribute('data-remaining'), 10);
    if (isNaN(remaining)) {
      return;
    }
    var endsAt = Date.now() + remaining * 1000;
    var warned = false;
    function tick() {
      var left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      value.textContent = minutes + ':' + (seconds < 10 ? '0' : '') + seconds;
      if (left <= 300 && !warned) {
        warned = true;
        box.classList.add('ending');
        box.setAttribute('aria-live', 'assertive');
      }
      if (left === 0) {
        // the server has closed the sitting by now; its overview says how it ended
        window.location.assign(box.getAttribute('data-overview'));
        return;
      }
      window.setTimeout(tick, 1000);
    }
    tick();
  }

  function enableAutosave() {
    var form = document.getElementById('answer-form');
    var status = document.getElementById('autosave-status');
    if (!form || !status || !window.fetch) {
      return;
    }
    var url = form.getAttribute('data-autosave');
    var pending = null;
    function save() {
      var data = new URLSearchParams(new FormData(form));
      data.delete('go');
      status.textContent = 'Saving…';
      fetch(url, { method: 'POST', body: data, credentials: 'same-origin' })
        .then(function (response) {
          if (response.status === 204) {
            status.textContent = 'Saved';
          } else if (response.status === 409) {
            window.location.assign(document.getElementById('countdown').getAttribute('data-overview'));
          } else {
            status.textContent = 'Not saved yet: it will be saved when you move on.';
          }
        })
        .catch(function () {
          status.textContent = 'Not saved yet (no connection): it will be saved when you move on.';
        });
    }
    form.addEventListener('change', save);
    form.addEventListener('input', function (event) {
      if (event.target.type === 'text') {
        window.clearTimeout(pending);
        pending = window.setTimeout(save, 800);
      }
    });
  }
})();
