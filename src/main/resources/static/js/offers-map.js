// The map of the offers found: their places as markers, grouped into clusters where they lie close together; a
// tile layer only when one is configured. The list beside the map holds the same offers.
(function () {
  'use strict';
  function init() {
    var el = document.getElementById('offers-map');
    if (!el || typeof L === 'undefined') {
      return;
    }
    // a maximum zoom is needed by the clusters (without a tile layer the map would have none)
    var map = L.map(el, { zoomSnap: 0.25, keyboard: true, maxZoom: 18, minZoom: 5 });
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: 18 }).addTo(map);
    }
    map.setView([51.5, 10.79], 10);
    if (el.dataset.outlines) {
      // the Kreise as a quiet background, so the markers have a place without any tile server
      fetch(el.dataset.outlines, { credentials: 'same-origin' }).then(function (r) { return r.json(); })
        .then(function (data) {
          L.geoJSON(data, { style: { color: '#6b7178', weight: 1, fillColor: '#ffffff', fillOpacity: 0.6 },
            interactive: false }).addTo(map);
        });
    }
    fetch(el.dataset.geojson, { headers: { 'Accept': 'application/geo+json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var cluster = typeof L.markerClusterGroup === 'function'
          ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 }) : L.featureGroup();
        data.features.forEach(function (f) {
          var c = f.geometry.coordinates;
          var m = L.marker([c[1], c[0]], { title: f.properties.name, alt: f.properties.name, keyboard: true });
          var a = document.createElement('a');
          a.href = el.dataset.offer + f.properties.id;
          a.textContent = f.properties.name;
          var p = document.createElement('div');
          p.appendChild(a);
          p.appendChild(document.createElement('br'));
          p.appendChild(document.createTextNode(f.properties.place));
          m.bindPopup(p);
          cluster.addLayer(m);
        });
        map.addLayer(cluster);
        if (data.features.length > 0 && cluster.getBounds().isValid()) {
          map.fitBounds(cluster.getBounds(), { padding: [30, 30], maxZoom: 12 });
        }
      });
  }
  document.addEventListener('DOMContentLoaded', init);
}());
