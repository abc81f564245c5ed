import { addConcept, link } from '../graph/actions.ts';
import { mapGeometry, measureNode, type MapGeometry } from '../graph/geometry.ts';
import type { MapDocument } from '../graph/model.ts';

/**
 * Adding to the map in front of the room. Nothing already on the map moves: a new concept takes
 * the nearest free spot around the concept it relates to (or around a point the facilitator
 * chose), searched on rings of growing radius.
 */

const GAP = 24;

function overlaps(geometry: MapGeometry, x: number, y: number, width: number, height: number): boolean {
  return geometry.nodes.some(
    (n) => Math.abs(n.x - x) * 2 < n.width + width + GAP * 2 && Math.abs(n.y - y) * 2 < n.height + height + GAP * 2,
  );
}

export function freeSpotNear(geometry: MapGeometry, centre: { x: number; y: number }, size: { width: number; height: number }): { x: number; y: number } {
  if (!overlaps(geometry, centre.x, centre.y, size.width, size.height)) return centre;
  const step = Math.max(size.height, 40) + GAP;
  for (let ring = 1; ring < 60; ring++) {
    const radius = ring * step;
    const tries = Math.max(8, Math.round((2 * Math.PI * radius) / (step / 2)));
    // Start below the anchor (reading order for top-down maps), then sweep round.
    for (let i = 0; i < tries; i++) {
      const angle = Math.PI / 2 + (i % 2 ? -1 : 1) * Math.ceil(i / 2) * ((2 * Math.PI) / tries);
      const x = centre.x + Math.cos(angle) * radius * 1.6;
      const y = centre.y + Math.sin(angle) * radius;
      if (!overlaps(geometry, x, y, size.width, size.height)) return { x, y };
    }
  }
  return { x: centre.x, y: centre.y + 60 * step };
}

export interface LiveConcept {
  label: string;
  /** A concept the new one relates to: it is placed beside it, linked when `phrase` is given. */
  near?: string | null;
  /** Where to place it when there is no `near` (map coordinates, e.g. the centre of the view). */
  at?: { x: number; y: number } | null;
  /** The linking phrase from `near` to the new concept; undefined adds no proposition. */
  phrase?: string;
}

export function addLiveConcept(map: MapDocument, input: LiveConcept): { map: MapDocument; conceptId: string; phraseId: string | null } {
  const geometry = mapGeometry(map);
  const anchor = input.near ? geometry.byId.get(input.near) : undefined;
  const size = measureNode(input.label, 'concept');
  const centre = anchor ? { x: anchor.x, y: anchor.y + anchor.height / 2 + size.height / 2 + 80 } : (input.at ?? { x: 0, y: 0 });
  const spot = freeSpotNear(geometry, centre, size);
  const added = addConcept(map, spot, input.label);
  if (!anchor || input.phrase === undefined) return { map: added.map, conceptId: added.id, phraseId: null };
  const linked = link(added.map, anchor.id, added.id, input.phrase);
  return { map: linked.map, conceptId: added.id, phraseId: linked.id };
}
