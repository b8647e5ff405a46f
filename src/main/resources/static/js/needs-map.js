// The map of needs by area: areas coloured by how many of the listed needs concern them (darker = more), the Kreise
// without needs as a light background. The table "Bedarfe je Gebiet" below holds the same numbers.
(function () {
  'use strict';
  var COLOURS = ['#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'];
  function init() {
    var el = document.getElementById('needs-map');
    if (!el || typeof L === 'undefined') {
      return;
    }
    var map = L.map(el, { zoomSnap: 0.25, keyboard: true, maxZoom: 16, minZoom: 5 });
    map.setView([51.0, 11.0], 8);
    fetch(el.dataset.geojson, { headers: { 'Accept': 'application/geo+json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var max = data.features.reduce(function (m, f) { return Math.max(m, f.properties.needs); }, 0);
        var withNeeds = L.featureGroup();
        var layer = L.geoJSON(data, {
          style: function (f) {
            var n = f.properties.needs;
            if (n === 0) {
              return { color: '#6b7178', weight: 1, fillColor: '#ffffff', fillOpacity: 0.6 };
            }
            var i = Math.min(COLOURS.length - 1, Math.floor((n - 1) * COLOURS.length / Math.max(1, max)));
            return { color: '#333333', weight: 1.5, fillColor: COLOURS[i], fillOpacity: 0.8 };
          },
          onEachFeature: function (f, l) {
            l.bindTooltip(f.properties.name + ': ' + f.properties.needs + ' Bedarfe');
            if (f.properties.needs > 0) {
              withNeeds.addLayer(L.geoJSON(f));
            }
          }
        }).addTo(map);
        var bounds = withNeeds.getLayers().length > 0 ? withNeeds.getBounds() : layer.getBounds();
        if (bounds.isValid()) {
          map.fitBounds(bounds, { padding: [20, 20], maxZoom: 11 });
        }
      });
  }
  document.addEventListener('DOMContentLoaded', init);
}());
