// Package scan at the session: <button data-scan-into="#input-id"> opens the camera where the browser
// has a barcode detector (BarcodeDetector) and fills the input with the QR code it reads; typing the
// code always works, and the button stays hidden where scanning is not possible.
(function () {
  var buttons = document.querySelectorAll('[data-scan-into]');
  if (!buttons.length || !('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }
  buttons.forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var input = document.querySelector(button.getAttribute('data-scan-into'));
      var status = document.querySelector(button.getAttribute('data-scan-status'));
      var video = document.createElement('video');
      video.setAttribute('playsinline', '');
      video.setAttribute('aria-label', 'Camera view: hold the package label in front of it');
      video.className = 'scan-video';
      button.after(video);
      var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      var stream;
      function say(text) {
        if (status) {
          status.textContent = text;
        }
      }
      function stop() {
        if (stream) {
          stream.getTracks().forEach(function (t) { t.stop(); });
        }
        video.remove();
      }
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (s) {
        stream = s;
        video.srcObject = s;
        video.play();
        say('Hold the label in front of the camera.');
        var tries = 0;
        (function look() {
          detector.detect(video).then(function (codes) {
            if (codes.length) {
              input.value = codes[0].rawValue;
              say('Read ' + codes[0].rawValue + '. Check it and record it.');
              stop();
              input.focus();
            } else if (tries++ < 600) {
              window.setTimeout(look, 150);
            } else {
              say('No code read: type the code from the label.');
              stop();
            }
          }, function () {
            say('The camera cannot read codes here: type the code from the label.');
            stop();
          });
        })();
      }, function () {
        say('No camera allowed: type the code from the label.');
        video.remove();
      });
    });
  });
})();
