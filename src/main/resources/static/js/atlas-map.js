// The atlas map: areas from the map-data GeoJSON, coloured by their class; a tile layer only when one is
// configured (the map works without any tile server). The table beside the map carries the same figures.
(function () {
  'use strict';
  function init() {
    var el = document.getElementById('atlas-map');
    if (!el || typeof L === 'undefined') {
      return;
    }
    var map = L.map(el, { zoomSnap: 0.25, attributionControl: true, keyboard: true });
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: 18 }).addTo(map);
    }
    fetch(el.dataset.geojson, { headers: { 'Accept': 'application/geo+json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        map.attributionControl.addAttribution(data.attribution || '');
        var rows = {};
        document.querySelectorAll('#atlas-values tbody tr').forEach(function (tr) { rows[tr.dataset.area] = tr; });
        var layer = L.geoJSON(data, {
          style: function (f) {
            return { color: '#333333', weight: 1, fillColor: f.properties.colour, fillOpacity: 0.85 };
          },
          onEachFeature: function (f, l) {
            l.bindTooltip(f.properties.name + ': ' + f.properties.label, { sticky: true });
            l.on('mouseover', function () { l.setStyle({ weight: 3 }); if (rows[f.id]) { rows[f.id].classList.add('highlight'); } });
            l.on('mouseout', function () { l.setStyle({ weight: 1 }); if (rows[f.id]) { rows[f.id].classList.remove('highlight'); } });
            l.on('click', function () { window.location.href = el.dataset.profile + f.id; });
          }
        }).addTo(map);
        if (layer.getBounds().isValid()) {
          map.fitBounds(layer.getBounds(), { padding: [8, 8] });
        }
      });
  }
  document.addEventListener('DOMContentLoaded', init);
}());
