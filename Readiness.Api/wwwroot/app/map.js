import { t } from './i18n.js';

// Tiers by progress in a palette whose lightness rises with the tier (viridis), so the order survives
// colour blindness and greyscale; every tier is also named in the legend, the tooltip and the table.
export const tierColours = {
  starting: '#440154', developing: '#31688e', established: '#35b779', experienced: '#fde725', 'insufficient-data': '#bdbdbd',
};
export const tierOrder = ['starting', 'developing', 'established', 'experienced', 'insufficient-data'];

const priorityColours = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];

/** Draws the district's municipalities (boundaries, or points where none ship) on a plain background: no tiles. */
export function districtMap(element, geojson, options) {
  // Thousands of shapes (a whole state) draw faster on a canvas; a district stays SVG, which the tests and screen readers can see.
  const map = L.map(element, { zoomSnap: 0.25, attributionControl: true, preferCanvas: Boolean(options.canvas) });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('© GeoBasis-DE / BKG (VG250)');
  const priorities = geojson.features.map(f => f.properties.priority).filter(p => typeof p === 'number').sort((a, b) => a - b);

  const colourOf = properties => {
    if (options.colour() === 'priority' && typeof properties.priority === 'number') {
      const rank = priorities.indexOf(properties.priority) / Math.max(1, priorities.length - 1);
      return priorityColours[Math.min(priorityColours.length - 1, Math.floor(rank * priorityColours.length))];
    }
    return tierColours[properties.tier] ?? tierColours['insufficient-data'];
  };

  const style = feature => ({ color: '#333', weight: 1, fillOpacity: 0.85, fillColor: colourOf(feature.properties) });
  const municipalities = L.geoJSON(geojson, {
    style,
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 7 }),
    onEachFeature: (feature, layer) => {
      const p = feature.properties;
      layer.bindTooltip(`${p.name}: ${p.tierLabel ?? t(`tier.${p.tier}`)}${p.score === null || p.score === undefined ? '' : `, ${p.score}`}`);
      layer.on('click', () => options.open(feature.id ?? p.ags));
    },
  }).addTo(map);
  const bounds = municipalities.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10] });

  const centres = new Map(geojson.features.map(f => [f.id ?? f.properties.ags, centreOf(f)]));
  const pairs = L.layerGroup(options.pairs.flatMap(pair => arrow(centres.get(pair.mentor.ags), centres.get(pair.mentee.ags))));
  const groups = L.layerGroup(options.groups.flatMap(group => {
    const members = geojson.features.filter(f => group.members.some(m => m.ags === (f.id ?? f.properties.ags)));
    return members.length ? [L.geoJSON({ type: 'FeatureCollection', features: members }, {
      style: { color: '#000', weight: 3, dashArray: '6 4', fill: false }, interactive: false,
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 10 }),
    })] : [];
  }));

  return {
    map,
    recolour: () => municipalities.setStyle(style),
    toggle: (layer, on) => { const l = layer === 'pairs' ? pairs : groups; if (on) l.addTo(map); else l.remove(); },
  };
}

function centreOf(feature) {
  const layer = L.geoJSON(feature);
  const bounds = layer.getBounds();
  return bounds.isValid() ? bounds.getCenter() : null;
}

function arrow(from, to) {
  if (!from || !to) return [];
  const line = L.polyline([from, to], { color: '#d95f02', weight: 3, interactive: false });
  // An arrowhead: a small triangle at the mentee, pointing from the mentor.
  const dx = to.lng - from.lng;
  const dy = to.lat - from.lat;
  const length = Math.hypot(dx, dy) || 1;
  const size = Math.min(0.012, length / 3);
  const ux = dx / length;
  const uy = dy / length;
  const tip = [to.lat, to.lng];
  const left = [to.lat - uy * size + ux * size * 0.5, to.lng - ux * size - uy * size * 0.5];
  const right = [to.lat - uy * size - ux * size * 0.5, to.lng - ux * size + uy * size * 0.5];
  const head = L.polygon([tip, left, right], { color: '#d95f02', fillColor: '#d95f02', fillOpacity: 1, weight: 1, interactive: false });
  return [line, head];
}

export function legend(colour) {
  return colour === 'priority'
    ? priorityColours.map((c, i) => [c, i === 0 ? '↓' : i === priorityColours.length - 1 ? '↑' : ''])
    : tierOrder.map(tier => [tierColours[tier], t(`tier.${tier}`)]);
}
