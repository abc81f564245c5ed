import { memo } from 'react';
import { segmentLine } from '../../../../core/graph/edges.ts';
import type { MapGeometry, NodeBox } from '../../../../core/graph/geometry.ts';
import { LINE_HEIGHT } from '../../../../core/graph/measure.ts';
import { shapePath } from '../../../../core/graph/shapes.ts';
import { coloursOf, dotPositions, isDimmed, isGhost, isVisible, segmentVisibility, type SceneState } from './scene.ts';

/**
 * The SVG backend for everyday maps: crisp at any zoom, and every node is an element that
 * screen readers can name. The viewport transform is set on the parent <g> by the canvas, so
 * panning never re-renders this tree.
 */
export const SvgScene = memo(function SvgScene({ geometry, state }: { geometry: MapGeometry; state: SceneState }) {
  return (
    <>
      {geometry.groups.map((g) => (
        <g key={g.id} className="map-group" data-id={g.id}>
          <rect x={g.x} y={g.y} width={g.width} height={g.height} rx={10} />
          <text x={g.x + 12} y={g.y + 14} className="map-group-title">
            {g.title}
          </text>
        </g>
      ))}
      {geometry.segments.map((s, i) => {
        const vis = segmentVisibility(geometry, s.from, s.to, state);
        const line = vis.visible ? segmentLine(s, geometry) : null;
        if (!line) return null;
        const head = s.role === 'out' && s.style.head !== 'none' ? `url(#map-${s.style.head})` : undefined;
        const tail = s.role === 'in' && s.style.tail !== 'none' ? `url(#map-${s.style.tail})` : undefined;
        return (
          <line
            key={`${s.phraseId}-${s.role}-${i}`}
            className={`map-edge ${s.style.line} ${vis.ghost ? 'ghost' : vis.dim ? 'dim' : ''}`}
            x1={line.x1}
            y1={line.y1}
            x2={line.x2}
            y2={line.y2}
            markerEnd={head}
            markerStart={tail}
          />
        );
      })}
      {geometry.nodes.map((n) => (isVisible(n.id, state) ? <Node key={n.id} node={n} state={state} /> : null))}
    </>
  );
});

function Lines({ node }: { node: NodeBox }) {
  const lineHeight = node.fontSize * LINE_HEIGHT;
  const top = -((node.lines.length - 1) * lineHeight) / 2;
  return (
    <text fontSize={node.fontSize} textAnchor="middle" dominantBaseline="central">
      {node.lines.map((line, i) => (
        <tspan key={i} x={0} y={top + i * lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** Memoised per box: a drag re-renders the one node that moved, not all of them. */
const Node = memo(function Node({ node, state }: { node: NodeBox; state: SceneState }) {
  const ghost = isGhost(node.id, state);
  const dim = !ghost && isDimmed(node.id, state);
  const label = node.label;
  if (node.kind === 'phrase') {
    if (!node.lines.some(Boolean)) return null;
    return (
      <g className={`map-phrase ${dim ? 'dim' : ''} ${ghost ? 'ghost' : ''} ${state.selection.has(node.id) ? 'selected' : ''}`} transform={`translate(${node.x},${node.y})`} data-id={node.id}>
        <rect x={-node.width / 2} y={-node.height / 2} width={node.width} height={node.height} className="map-phrase-bg" />
        <Lines node={node} />
      </g>
    );
  }
  const colours = coloursOf(node, state.theme, state.projector);
  const dots = state.votes?.get(node.id) ?? [];
  const classes = ['map-node', dim ? 'dim' : '', ghost ? 'ghost' : '', state.highlighted?.has(node.id) ? 'highlighted' : '', state.selection.has(node.id) ? 'selected' : '', state.hits.has(node.id) ? 'hit' : '', node.pinned ? 'pinned' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <g className={classes} transform={`translate(${node.x},${node.y})`} data-id={node.id} role="img" aria-label={label}>
      <path d={shapePath(node.shape === 'text' ? 'rect' : node.shape, node.width, node.height)} fill={colours.fill} stroke={colours.stroke} className="map-shape" />
      <g fill={colours.text}>
        <Lines node={node} />
      </g>
      {node.pinned && <circle cx={node.width / 2 - 4} cy={-node.height / 2 + 4} r={3.5} className="map-pin" />}
      {dots.length > 0 && (
        <g className="map-votes" aria-label={`${dots.length} ●`}>
          {dotPositions(node, dots.length).map((d, i) => (
            <circle key={i} cx={d.x} cy={d.y} r={d.r} fill={dots[i]} />
          ))}
        </g>
      )}
    </g>
  );
});
