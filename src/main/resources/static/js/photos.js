// Photos: the before/after slider (the range moves the divide; without JavaScript the side-by-side
// view stays), and the capture overlay (the camera's live picture with the previous photo of the
// same view over it, translucent, to line up with; the shot fills the form's file input).
(function () {
  var slider = document.getElementById('compare-slider');
  var range = document.getElementById('compare-range');
  if (slider && range) {
    document.getElementById('slider-panel').hidden = false;
    var top = slider.querySelector('.compare-top');
    var move = function () {
      top.style.clipPath = 'inset(0 0 0 ' + range.value + '%)';
    };
    range.addEventListener('input', move);
    move();
  }

  var start = document.getElementById('capture-start');
  var form = document.getElementById('photo-upload');
  if (!start || !form || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof DataTransfer === 'undefined') {
    return;
  }
  start.hidden = false;
  var view = document.getElementById('photo-view');
  var file = document.getElementById('photo-file');
  var stage = document.getElementById('capture-stage');
  var video = document.getElementById('capture-video');
  var ghost = document.getElementById('capture-ghost');
  var shoot = document.getElementById('capture-shoot');
  var status = document.getElementById('capture-status');
  var stream;
  function previous() {
    var option = view.options[view.selectedIndex];
    return option ? option.getAttribute('data-previous') : null;
  }
  function showGhost() {
    var src = previous();
    ghost.hidden = !src;
    if (src) {
      ghost.src = src;
    }
  }
  view.addEventListener('change', showGhost);
  start.addEventListener('click', function () {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (s) {
      stream = s;
      video.srcObject = s;
      video.play();
      stage.hidden = false;
      showGhost();
      status.textContent = previous() ? 'Line the face up with the last photo, then take the photo.' : 'Frame the area, then take the photo.';
    }, function () {
      status.textContent = 'No camera allowed: choose a photo file instead.';
    });
  });
  shoot.addEventListener('click', function () {
    var canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d').drawImage(video, 0, 0);
    canvas.toBlob(function (blob) {
      var transfer = new DataTransfer();
      transfer.items.add(new File([blob], 'capture.jpg', { type: 'image/jpeg' }));
      file.files = transfer.files;
      if (stream) {
        stream.getTracks().forEach(function (t) { t.stop(); });
      }
      stage.hidden = true;
      status.textContent = 'Photo taken: save it, or take another.';
    }, 'image/jpeg', 0.92);
  });
})();
