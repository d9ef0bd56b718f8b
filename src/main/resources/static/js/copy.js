// "Copy" buttons: <button data-copy="#input-id"> copies that input's value and says so in [data-copy-status].
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button) {
    return;
  }
  var input = document.querySelector(button.getAttribute('data-copy'));
  var status = button.parentElement.querySelector('[data-copy-status]');
  if (!input) {
    return;
  }
  function done(text) {
    if (status) {
      status.textContent = text;
    }
  }
  input.select();
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(input.value).then(function () {
      done(button.getAttribute('data-copied') || 'Copied');
    }, function () {
      done('Select the address and copy it (Ctrl+C or ⌘C).');
    });
  } else {
    done('Select the address and copy it (Ctrl+C or ⌘C).');
  }
});
