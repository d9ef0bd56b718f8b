// Booking and calendar pages: with scripts on, HTMX refreshes the times as choices change, so the
// buttons that exist for browsers without scripts go away.
document.documentElement.classList.add('js');

// On a phone, after choosing a treatment, bring its times into view.
document.addEventListener('htmx:afterSettle', function (event) {
  var trigger = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
  var source = trigger && trigger.target;
  if (!source || source.name !== 'treatment' || window.innerWidth > 700) {
    return;
  }
  var heading = document.getElementById('step-time-h');
  if (heading) {
    heading.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }
});
