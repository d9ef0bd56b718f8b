// The directory search: "use my location" asks the browser for the position (only when the client
// presses it) and searches from there; without JavaScript the typed town is matched instead.
(function () {
    var button = document.getElementById('use-location');
    var near = document.getElementById('near');
    var place = document.getElementById('place');
    var status = document.getElementById('location-status');
    var form = document.getElementById('directory-search');
    if (!button || !near || !form || !('geolocation' in navigator)) {
        return;
    }
    button.hidden = false;
    if (place) {
        place.addEventListener('input', function () { near.value = ''; });
    }
    button.addEventListener('click', function () {
        status.textContent = ' Finding your location…';
        navigator.geolocation.getCurrentPosition(function (position) {
            near.value = position.coords.latitude.toFixed(5) + ',' + position.coords.longitude.toFixed(5);
            if (place) {
                place.value = '';
            }
            status.textContent = ' Searching from your location.';
            if (!document.getElementById('sort').value) {
                document.getElementById('sort').value = 'distance';
            }
            form.submit();
        }, function () {
            status.textContent = ' Your location is not available; type a town instead.';
        }, { maximumAge: 600000, timeout: 10000 });
    });
})();
