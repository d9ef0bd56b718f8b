// The session screen's countdown and the consent screen's signature pad. The server holds every time:
// the countdown reads the step's start and the server's clock from the page, so a reload or another
// device shows the same time left.
(function () {
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function format(seconds) {
    var s = Math.abs(Math.round(seconds));
    return Math.floor(s / 60) + ':' + pad(s % 60);
  }
  // One timer for the page; elements swapped in by HTMX are picked up on the next tick. Each clock
  // reads the server's time it was rendered with, so the offset to this device's clock is known.
  function tick() {
    document.querySelectorAll('[data-countdown]').forEach(function (el) {
      if (el._offset === undefined) {
        var serverNow = Date.parse(el.getAttribute('data-server-now') || '');
        el._offset = isNaN(serverNow) ? 0 : serverNow - Date.now();
      }
      var started = Date.parse(el.getAttribute('data-started-at'));
      var max = Number(el.getAttribute('data-max-seconds'));
      var left = (started + max * 1000 - (Date.now() + el._offset)) / 1000;
      var out = el.querySelector('[data-countdown-value]') || el;
      out.textContent = left >= 0 ? format(left) : '+' + format(left);
      el.classList.toggle('overrun', left < 0);
      var label = el.querySelector('[data-countdown-label]');
      if (label) { label.textContent = left >= 0 ? 'left' : 'over the maximum'; }
    });
  }
  function startCountdowns() {
    tick();
    setInterval(tick, 1000);
  }
  function startSignaturePads() {
    document.querySelectorAll('[data-signature-pad]').forEach(function (canvas) {
      var form = canvas.closest('form');
      var input = form.querySelector('input[name="signatureImage"]');
      var ctx = canvas.getContext('2d');
      var drawing = false, drawn = false;
      ctx.lineWidth = 2.5; ctx.lineCap = 'round'; ctx.strokeStyle = '#1f2a30';
      function point(e) {
        var r = canvas.getBoundingClientRect();
        return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
      }
      canvas.addEventListener('pointerdown', function (e) {
        drawing = true; var p = point(e); ctx.beginPath(); ctx.moveTo(p.x, p.y); canvas.setPointerCapture(e.pointerId);
      });
      canvas.addEventListener('pointermove', function (e) {
        if (!drawing) { return; }
        var p = point(e); ctx.lineTo(p.x, p.y); ctx.stroke(); drawn = true;
      });
      ['pointerup', 'pointercancel', 'pointerleave'].forEach(function (t) {
        canvas.addEventListener(t, function () { drawing = false; });
      });
      var clear = form.querySelector('[data-signature-clear]');
      if (clear) {
        clear.addEventListener('click', function () { ctx.clearRect(0, 0, canvas.width, canvas.height); drawn = false; });
      }
      form.addEventListener('submit', function () { input.value = drawn ? canvas.toDataURL('image/png') : ''; });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { startCountdowns(); startSignaturePads(); });
})();
