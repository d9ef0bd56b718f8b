// The skin consultation, step by step. Without this script every step shows in one long form;
// with it, one step at a time with Back and Next, a progress indicator, and focus moved to each
// step's heading so that keyboard and screen-reader users know where they are.
(function () {
  'use strict';

  function setUpSteps(form) {
    var steps = Array.prototype.slice.call(form.querySelectorAll('.consult-step'));
    var progress = document.querySelector('.progress');
    var status = document.getElementById('step-status');
    var current = 0;
    if (steps.length < 2) { return; }

    document.documentElement.classList.add('consult-js');
    form.querySelectorAll('[data-next], [data-back]').forEach(function (b) { b.hidden = false; });

    function show(index, moveFocus) {
      current = Math.max(0, Math.min(steps.length - 1, index));
      steps.forEach(function (step, i) { step.hidden = i !== current; });
      if (progress) {
        progress.querySelectorAll('li').forEach(function (li, i) {
          li.classList.toggle('is-done', i < current);
          li.classList.toggle('is-current', i === current);
          var link = li.querySelector('a');
          if (i === current) { link.setAttribute('aria-current', 'step'); } else { link.removeAttribute('aria-current'); }
        });
        var bar = progress.querySelector('.progress-bar span');
        if (bar) { bar.style.width = ((current + 1) / steps.length * 100) + '%'; }
      }
      var heading = steps[current].querySelector('h2');
      if (status && heading) {
        status.textContent = heading.textContent.replace(/\s+/g, ' ').trim();
      }
      if (moveFocus && heading) {
        heading.focus({ preventScroll: true });
        var top = (progress || form).getBoundingClientRect().top + window.pageYOffset - 80;
        window.scrollTo({ top: Math.max(0, top), behavior: 'auto' });
      }
    }

    function stepOf(element) {
      var section = element && element.closest('.consult-step');
      return section ? steps.indexOf(section) : -1;
    }

    form.addEventListener('click', function (event) {
      var button = event.target.closest('[data-next], [data-back]');
      if (!button) { return; }
      event.preventDefault();
      show(current + (button.hasAttribute('data-next') ? 1 : -1), true);
    });

    // Enter in a field of an earlier step goes to the next step instead of sending the form.
    form.addEventListener('submit', function (event) {
      if (current < steps.length - 1) {
        event.preventDefault();
        show(current + 1, true);
      }
    });

    // The progress links and the error list jump to the step that holds their target.
    document.addEventListener('click', function (event) {
      var link = event.target.closest('.progress a[data-step], #form-errors a[href^="#"]');
      if (!link) { return; }
      var target = document.getElementById(link.getAttribute('href').slice(1));
      var index = link.hasAttribute('data-step') ? Number(link.getAttribute('data-step')) - 1 : stepOf(target);
      if (index < 0) { return; }
      event.preventDefault();
      show(index, !target || link.hasAttribute('data-step'));
      if (target && !link.hasAttribute('data-step')) {
        var control = target.matches('input, select, textarea') ? target
          : target.querySelector('input:checked, input, select, textarea');
        (control || target).focus();
      }
    });

    var start = Number(form.getAttribute('data-start-step') || '1') - 1;
    show(start, false);
    var errors = document.getElementById('form-errors');
    if (errors) { errors.focus(); }
  }

  // Typing a date chooses "On a date"; choosing "Never" or "Not sure" clears the date.
  function linkDates(form) {
    form.querySelectorAll('input[data-date-for]').forEach(function (input) {
      var name = input.getAttribute('data-date-for');
      input.addEventListener('input', function () {
        var radio = document.getElementById(name + '-date');
        if (radio && input.value) { radio.checked = true; }
      });
      form.querySelectorAll('input[type="radio"][name="' + name + '"]').forEach(function (radio) {
        radio.addEventListener('change', function () {
          if (radio.checked && radio.value !== 'date') { input.value = ''; }
        });
      });
    });
  }

  function setUpPrint() {
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { window.print(); });
    });
  }

  function init() {
    var form = document.querySelector('form.consult-form');
    if (form) {
      setUpSteps(form);
      linkDates(form);
    }
    setUpPrint();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
