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
        var layers = {};
        var current = null;
        document.querySelectorAll('#atlas-values tbody tr').forEach(function (tr) { rows[tr.dataset.area] = tr; });
        var status = document.getElementById('map-status');
        function highlight(id, zoom) {
          if (current && layers[current]) {
            layers[current].setStyle({ weight: 1 });
            layers[current].closeTooltip();
            if (rows[current]) { rows[current].classList.remove('highlight'); }
          }
          current = id;
          var l = layers[id];
          if (!l) { return; }
          l.setStyle({ weight: 4 });
          l.bringToFront();
          l.openTooltip();
          if (rows[id]) { rows[id].classList.add('highlight'); }
          if (zoom) { map.fitBounds(l.getBounds(), { padding: [40, 40], maxZoom: 10 }); }
          if (status) { status.textContent = l.feature.properties.name + ': ' + l.feature.properties.label; }
        }
        var layer = L.geoJSON(data, {
          style: function (f) {
            return { color: '#333333', weight: 1, fillColor: f.properties.colour, fillOpacity: 0.85 };
          },
          onEachFeature: function (f, l) {
            layers[f.id] = l;
            l.bindTooltip(f.properties.name + ': ' + f.properties.label, { sticky: true });
            l.on('mouseover', function () { l.setStyle({ weight: 3 }); if (rows[f.id]) { rows[f.id].classList.add('highlight'); } });
            l.on('mouseout', function () { l.setStyle({ weight: 1 }); if (rows[f.id]) { rows[f.id].classList.remove('highlight'); } });
            l.on('click', function () { window.location.href = el.dataset.profile + f.id; });
          }
        }).addTo(map);
        if (layer.getBounds().isValid()) {
          map.fitBounds(layer.getBounds(), { padding: [8, 8] });
        }
        // keyboard: moving through the table's area links highlights the area on the map
        Object.keys(rows).forEach(function (id) {
          var link = rows[id].querySelector('a');
          if (link) { link.addEventListener('focus', function () { highlight(id, false); }); }
        });
        // area search: a name (or the start of one that fits a single area) highlights it; Enter opens its profile
        var search = document.getElementById('gebiet-suche');
        if (search) {
          var find = function () {
            var q = search.value.trim().toLowerCase();
            if (!q) { return null; }
            var ids = Object.keys(layers);
            var exact = ids.filter(function (id) { return layers[id].feature.properties.name.toLowerCase() === q; });
            if (exact.length === 1) { return exact[0]; }
            var starts = ids.filter(function (id) { return layers[id].feature.properties.name.toLowerCase().indexOf(q) === 0; });
            return starts.length === 1 ? starts[0] : null;
          };
          search.addEventListener('input', function () { var id = find(); if (id) { highlight(id, true); } });
          search.addEventListener('keydown', function (e) {
            if (e.key === 'Enter') {
              var id = find();
              e.preventDefault();
              if (id) { window.location.href = el.dataset.profile + id; }
              else if (status) { status.textContent = search.dataset.none; }
            }
          });
        }
      });
  }
  document.addEventListener('DOMContentLoaded', init);
}());
