// Picking a location's coordinates on a map: a click (or Enter on the focused map, at its centre) writes latitude
// and longitude into the form fields; typed coordinates move the marker. Works without a tile server: the atlas
// outlines (map-data of any indicator is not needed – the area outlines come as GeoJSON) give orientation.
(function () {
  'use strict';
  function init() {
    var el = document.getElementById('location-map');
    if (!el || typeof L === 'undefined') {
      return;
    }
    var lat = document.getElementById(el.dataset.lat);
    var lon = document.getElementById(el.dataset.lon);
    var status = document.getElementById('location-map-status');
    var map = L.map(el, { zoomSnap: 0.5, keyboard: true, maxZoom: 18, minZoom: 5 });
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: 18 }).addTo(map);
    }
    map.setView([51.5, 10.79], 10);
    if (el.dataset.outlines) {
      fetch(el.dataset.outlines, { credentials: 'same-origin' }).then(function (r) { return r.json(); })
        .then(function (data) {
          L.geoJSON(data, { style: { color: '#555', weight: 1, fillOpacity: 0.05 }, interactive: false }).addTo(map);
        });
    }
    var marker = null;
    function number(v) { return parseFloat(String(v).replace(',', '.')); }
    function place(la, lo, write) {
      if (marker) { marker.setLatLng([la, lo]); } else { marker = L.marker([la, lo], { keyboard: false }).addTo(map); }
      if (write) {
        lat.value = la.toFixed(6).replace('.', ',');
        lon.value = lo.toFixed(6).replace('.', ',');
      }
      if (status) { status.textContent = 'Gewählt: ' + la.toFixed(5) + ', ' + lo.toFixed(5); }
    }
    map.on('click', function (e) { place(e.latlng.lat, e.latlng.lng, true); });
    el.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { var c = map.getCenter(); place(c.lat, c.lng, true); e.preventDefault(); }
    });
    function fromFields() {
      var la = number(lat.value), lo = number(lon.value);
      if (!isNaN(la) && !isNaN(lo)) { place(la, lo, false); map.setView([la, lo], Math.max(map.getZoom(), 13)); }
    }
    lat.addEventListener('change', fromFields);
    lon.addEventListener('change', fromFields);
  }
  document.addEventListener('DOMContentLoaded', init);
}());
