// The map of the gap analysis: each area coloured by its offers per 1,000 of demand (darker = fewer), areas without a
// demand figure hatched grey, the offers' places as small points. The table beside the map holds the same figures.
(function () {
  'use strict';
  var COLOURS = ['#08306b', '#2171b5', '#6baed6', '#c6dbef', '#f7fbff'];
  function colour(rank, ranks) {
    if (rank === null || rank === undefined) {
      return '#d9d9d9';
    }
    var i = Math.min(COLOURS.length - 1, Math.floor((rank - 1) * COLOURS.length / Math.max(1, ranks)));
    return COLOURS[i];
  }
  function init() {
    var el = document.getElementById('gap-map');
    if (!el || typeof L === 'undefined') {
      return;
    }
    var map = L.map(el, { zoomSnap: 0.25, keyboard: true, maxZoom: 16, minZoom: 5 });
    map.setView([51.5, 10.79], 9);
    fetch(el.dataset.geojson, { headers: { 'Accept': 'application/geo+json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var areas = data.features.filter(function (f) { return f.geometry.type !== 'Point'; });
        var points = data.features.filter(function (f) { return f.geometry.type === 'Point'; });
        var ranks = areas.filter(function (f) { return f.properties.rank !== null; }).length;
        var layer = L.geoJSON({ type: 'FeatureCollection', features: areas }, {
          style: function (f) {
            return { color: '#333333', weight: 1, fillColor: colour(f.properties.rank, ranks), fillOpacity: 0.75 };
          },
          onEachFeature: function (f, l) {
            var p = f.properties;
            l.bindTooltip(p.name + ': ' + p.supply + ' / ' + (p.coverage === null ? '–' : Number(p.coverage).toLocaleString('de-DE', { maximumFractionDigits: 1 })) + ' je 1.000');
          }
        }).addTo(map);
        points.forEach(function (f) {
          var c = f.geometry.coordinates;
          L.circleMarker([c[1], c[0]], { radius: 3, color: '#b8440f', weight: 1, fillColor: '#ffffff', fillOpacity: 1 })
            .bindTooltip(f.properties.name).addTo(map);
        });
        if (layer.getBounds().isValid()) {
          map.fitBounds(layer.getBounds(), { padding: [10, 10] });
        }
      });
  }
  document.addEventListener('DOMContentLoaded', init);
}());
