import type { ZoomTransform } from 'd3-zoom';
import { useEffect, useMemo, useRef } from 'react';
import { bounds, type MapGeometry } from '../../../../core/graph/geometry.ts';
import { coloursOf } from './scene.ts';

const WIDTH = 180;
const HEIGHT = 120;

/** An overview of a large map with the visible area marked; click or drag to move there. */
export function Minimap({
  geometry,
  view,
  size,
  theme,
  onMove,
}: {
  geometry: MapGeometry;
  view: ZoomTransform;
  size: { width: number; height: number };
  theme: 'light' | 'dark';
  onMove(x: number, y: number): void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useMemo(() => bounds(geometry), [geometry]);
  const scale = Math.min(WIDTH / Math.max(box.width, 1), HEIGHT / Math.max(box.height, 1));

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    for (const n of geometry.nodes) {
      if (n.kind === 'phrase') continue;
      ctx.fillStyle = coloursOf(n, theme).stroke;
      ctx.fillRect((n.x - box.x) * scale - 1, (n.y - box.y) * scale - 1, Math.max(2, n.width * scale), Math.max(2, n.height * scale));
    }
  }, [geometry, box, scale, theme]);

  const [x0, y0] = view.invert([0, 0]);
  const [x1, y1] = view.invert([size.width, size.height]);
  const move = (event: React.PointerEvent) => {
    const rect = (event.currentTarget as Element).getBoundingClientRect();
    onMove((event.clientX - rect.left) / scale + box.x, (event.clientY - rect.top) / scale + box.y);
  };
  return (
    <div
      className="minimap"
      aria-hidden
      onPointerDown={(e) => {
        e.stopPropagation();
        (e.currentTarget as Element).setPointerCapture(e.pointerId);
        move(e);
      }}
      onPointerMove={(e) => e.buttons === 1 && move(e)}
    >
      <canvas ref={canvas} width={WIDTH} height={HEIGHT} />
      <div
        className="minimap-view"
        style={{
          left: Math.max(0, (x0 - box.x) * scale),
          top: Math.max(0, (y0 - box.y) * scale),
          width: Math.min(WIDTH, (x1 - x0) * scale),
          height: Math.min(HEIGHT, (y1 - y0) * scale),
        }}
      />
    </div>
  );
}
