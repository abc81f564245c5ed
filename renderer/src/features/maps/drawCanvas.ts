import type { MapGeometry } from '../../../../core/graph/geometry.ts';
import { paint, type Frame } from './paintScene.ts';
import { Prepared, changedNodes, sameGroups, sameLook, type Dirty } from './preparedScene.ts';
import { crosses, overlaps, type Rect } from './rects.ts';
import type { SceneState } from './scene.ts';

/**
 * The 2D-canvas backend for large maps. The map is rendered into tiles (bitmaps of TILE device
 * pixels) at one scale, a level, and each frame only copies the tiles in view onto the canvas:
 * panning and zooming cost a copy, not a redraw of thousands of boxes and lines. While the scale
 * changes, tiles are stretched until it has moved half an octave, then rendered at the new level;
 * when the camera settles they are rendered at its exact scale, so the resting picture is as crisp
 * as a direct drawing. Rendering tiles that can wait (something blurrier is shown meanwhile) is
 * limited to a few milliseconds a frame. Nodes that change while the rest of the map stays (a
 * drag, a rename) are drawn live over the tiles until things settle, so a drag re-renders no
 * tiles, and with the camera still only the canvas around the live nodes is redrawn.
 *
 * The tiles are copied with drawImage rather than shown as elements moved by CSS transforms: each
 * element is a compositor layer, and with software compositing (no GPU) committing and drawing a
 * hundred of them a frame cost more than the copy.
 */

/** Tile side, device pixels. */
const TILE = 256;
/** Tiles kept across levels; each holds TILE² × 4 bytes (256 kB). */
const CACHE_TILES = 256;
/**
 * Per frame, milliseconds for rendering tiles that can wait, while moving and once the camera
 * rests (checked before each tile: a large map's tile can take longer than this on its own).
 */
const BUDGET_MS = 2;
const SETTLED_BUDGET_MS = 12;
/** While zooming, tile levels are this many octaves apart. */
const LEVEL_STEP = 0.5;
/**
 * Tiles with more than this many things to draw (each can take longer than a frame) wait for the
 * camera to rest: in view while the scale changes, out of view (the ring, the overview) while
 * anything moves.
 */
const MOVING_ITEMS = 1500;
/**
 * With more segments than this in view, all of them are drawn as hairlines, one stroke per look:
 * a tangle of thousands reads the same, and costs a tenth to draw.
 */
const LOD_SEGMENTS = 2000;
/** Up to this many changed nodes are drawn live; more and the whole map is drawn afresh. */
const LIVE_LIMIT = 200;

export interface Camera {
  x: number;
  y: number;
  k: number;
}

export interface Viewport {
  /** CSS pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel. */
  ratio: number;
}

interface Tile {
  i: number;
  j: number;
  /** The rendered picture; null when nothing falls in the tile. */
  bitmap: ImageBitmap | null;
  /** Not rendered yet, or shows something that has changed since. */
  stale: boolean;
  /** Rendered at least once: stale, it still shows nearly the right thing, good enough to stand in. */
  rendered: boolean;
  /** Too full to render while the camera moves. */
  heavy: boolean;
  used: number;
}

/** The tiles rendered at one scale. */
interface Level {
  k: number;
  tiles: Map<string, Tile>;
  /** Fixed when the level is made, so that its tiles agree. */
  hairlines: boolean;
}

/** The range of tiles a view needs at a level. */
interface Slots {
  i0: number;
  i1: number;
  j0: number;
  j1: number;
}

export class TiledPainter {
  private scene: Prepared | null = null;
  private readonly levels = new Map<number, Level>();
  /** The level the camera wants, and the one under it (the closest that covers the view, until the wanted one does). */
  private target: Level | null = null;
  private under: Level | null = null;
  /** Tiles are drawn here and taken as bitmaps; taking the bitmap is also when the browser rasterises them, within the budget. */
  private scratch: OffscreenCanvas | null = null;
  private ratio = 1;
  private frames = 0;
  private lastScale = 0;
  private lastCamera: Camera | null = null;
  /**
   * The map changed wholesale since the last frame: that frame is drawn directly on the canvas,
   * not into tiles, since the next may change it all again (a relayout animating).
   */
  private direct = false;
  /**
   * What the canvas shows: the camera and level it was composed for, and where the live nodes
   * were drawn (map units). Null once a tile or the camera changes: the next frame copies every
   * tile in view again. While it holds (a drag with the camera still), a frame redraws only around
   * the live nodes, where they were and where they are.
   */
  private shown: { canvas: HTMLCanvasElement; width: number; height: number; camera: Camera; level: Level; live: Rect | null } | null = null;

  /** Takes the geometry and state to draw; cheap when they are the ones it has, or only a few nodes differ. */
  update(geometry: MapGeometry, state: SceneState): void {
    const scene = this.scene;
    if (scene && scene.geometry === geometry && scene.state === state) return;
    const look = scene !== null && sameLook(scene.state, state);
    const changed = look && scene.geometry !== geometry ? changedNodes(scene.geometry, geometry, LIVE_LIMIT - scene.live.size) : look ? [] : null;
    if (!scene || changed === null) {
      this.scene = new Prepared(geometry, state);
      this.clear();
      this.direct = true;
      return;
    }
    scene.state = state;
    if (scene.geometry === geometry) return;
    const dirty: Dirty = { rects: [], lines: [] };
    // A node leaving the tiles for the live layer must leave them at once, or it shows twice.
    for (const i of changed) if (!scene.live.has(i)) scene.footprint(i, dirty);
    if (!sameGroups(scene.geometry.groups, geometry.groups))
      for (const g of [...scene.geometry.groups, ...geometry.groups]) dirty.rects.push({ x0: g.x, y0: g.y, x1: g.x + g.width, y1: g.y + g.height });
    for (const i of changed) scene.live.add(i);
    scene.patch(geometry, changed);
    this.invalidate(dirty);
  }

  /**
   * Draws the camera's view on the canvas: renders the tiles it lacks (as time allows), copies
   * them, draws what is live over them. `settled`: nothing has moved for a moment, so tiles are
   * rendered at the exact scale and live nodes go back into them. True when another frame should
   * follow (tiles still to render).
   */
  draw(ctx: CanvasRenderingContext2D, camera: Camera, viewport: Viewport, settled: boolean): boolean {
    const scene = this.scene;
    if (!scene) return false;
    if (viewport.ratio !== this.ratio) {
      this.ratio = viewport.ratio;
      this.clear();
    }
    const view: Omit<Frame, 'hairlines'> = {
      k: camera.k,
      a: camera.k * this.ratio,
      e: camera.x * this.ratio,
      f: camera.y * this.ratio,
      x0: -camera.x / camera.k,
      y0: -camera.y / camera.k,
      x1: (viewport.width - camera.x) / camera.k,
      y1: (viewport.height - camera.y) / camera.k,
    };
    if (this.direct && !settled) {
      this.direct = false;
      this.shown = null;
      clearCanvas(ctx);
      paint(ctx, scene, { ...view, hairlines: scene.segmentsIn(view) > LOD_SEGMENTS }, 'all');
      return false;
    }
    this.direct = false;
    // Live nodes go back into the tiles once things settle, or when the camera moves (the drag is
    // over; were they kept live, nothing around them could be rendered ahead).
    const last = this.lastCamera;
    this.lastCamera = { ...camera };
    const moved = last !== null && (last.x !== camera.x || last.y !== camera.y || last.k !== camera.k);
    if ((settled || moved) && scene.live.size) {
      const dirty: Dirty = { rects: [], lines: [] };
      for (const i of scene.live) scene.footprint(i, dirty);
      scene.live.clear();
      this.invalidate(dirty);
    }

    const started = performance.now();
    const spare = () => performance.now() - started < (settled ? SETTLED_BUDGET_MS : BUDGET_MS);
    const still = settled || camera.k === this.lastScale;
    this.lastScale = camera.k;
    this.frames++;
    const current = this.target?.k ?? 0;
    const k = settled ? camera.k : current && Math.abs(Math.log2(camera.k / current)) <= LEVEL_STEP / 2 ? current : 2 ** (Math.round(Math.log2(camera.k) / LEVEL_STEP) * LEVEL_STEP);
    const target = (this.target = this.level(k, view, scene));
    const slots = this.slots(target, view);

    // The wanted level's tiles in view, nearest the centre first, as time allows. While the scale
    // changes, a tile too full to render within a frame waits for the camera to rest.
    const missing: Tile[] = [];
    this.each(slots, (i, j) => {
      const tile = this.tile(target, i, j, scene);
      if (tile?.stale) missing.push(tile);
    });
    const middle = { i: (slots.i0 + slots.i1) / 2, j: (slots.j0 + slots.j1) / 2 };
    missing.sort((p, q) => Math.hypot(p.i - middle.i, p.j - middle.j) - Math.hypot(q.i - middle.i, q.j - middle.j));
    for (const tile of missing) if (spare() && !(tile.heavy && !still)) this.render(target, tile, scene, still ? Infinity : MOVING_ITEMS);
    // Under it, until it covers the view, the closest level that does, else one that did before
    // something changed (a moment out of date beats a frame that takes ten); failing any, it is
    // finished now.
    const covered = this.covers(target, slots);
    this.under = covered ? null : (this.closestCovering(view, k, false) ?? this.closestCovering(view, k, true));
    if (!covered && !this.under) for (const tile of missing) if (tile.stale) this.render(target, tile, scene);

    this.compose(ctx, camera, view, missing);

    // Then, while the scale holds still, the ring around the view, so panning finds its tiles
    // ready; and the whole map at a small scale, which stands in wherever nothing else does. Not
    // during a drag: what it renders would be out of date when the dragged nodes settle, and a
    // full tile of a large map can take longer than a frame.
    let ahead = false;
    const later = (level: Level, tile: Tile | null) => {
      if (!tile?.stale) return;
      if (spare() && !(tile.heavy && !settled)) this.render(level, tile, scene, settled ? Infinity : MOVING_ITEMS);
      else ahead = true;
    };
    const dragging = scene.live.size > 0;
    if (still && !dragging) this.each({ i0: slots.i0 - 1, i1: slots.i1 + 1, j0: slots.j0 - 1, j1: slots.j1 + 1 }, (i, j) => later(target, this.tile(target, i, j, scene)));
    const overview = this.overview(scene, viewport);
    // (Looked up even while dragging: a tile not used this frame may be evicted.)
    this.each(this.slots(overview, scene.extent(overview.k)), (i, j) => {
      const tile = this.tile(overview, i, j, scene);
      if (!dragging) later(overview, tile);
    });
    this.evict();
    return this.under !== null || ahead || missing.some((tile) => tile.stale);
  }

  /** Lets go of the tiles' bitmaps. */
  dispose(): void {
    this.clear();
  }

  /** Puts the view on the canvas: the wanted level's tiles, another's where it has none yet, the live nodes over them. */
  private compose(ctx: CanvasRenderingContext2D, camera: Camera, view: Omit<Frame, 'hairlines'>, missing: readonly Tile[]): void {
    const scene = this.scene;
    const target = this.target;
    if (!scene || !target) return;
    const live = scene.liveExtent(12 + 4 / camera.k);
    const shown = this.shown;
    const { canvas } = ctx;
    const same =
      shown !== null &&
      !this.under &&
      shown.level === target &&
      shown.canvas === canvas &&
      shown.width === canvas.width &&
      shown.height === canvas.height &&
      shown.camera.x === camera.x &&
      shown.camera.y === camera.y &&
      shown.camera.k === camera.k;
    this.shown = this.under ? null : { canvas, width: canvas.width, height: canvas.height, camera: { ...camera }, level: target, live };
    if (same) {
      // Only the live nodes moved: redraw where they were and where they are.
      const area = union(shown.live, live);
      if (!area) return;
      const [x, y, width, height] = this.onCanvas(area, camera);
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.beginPath();
      ctx.rect(x, y, width, height);
      ctx.clip();
      ctx.clearRect(x, y, width, height);
      this.copy(ctx, target, camera, area);
      if (scene.live.size) paint(ctx, scene, { ...view, ...area, hairlines: target.hairlines }, 'live');
      ctx.restore();
      return;
    }
    clearCanvas(ctx);
    // Stretched tiles are a stand-in while the scale changes; filtering them would cost more than
    // anything else in the frame on a software rasteriser.
    ctx.imageSmoothingEnabled = false;
    if (this.under) {
      // Only where the wanted level has nothing to show yet: the two differ in where labels break off.
      ctx.save();
      ctx.beginPath();
      for (const tile of missing) if (tile.stale) ctx.rect(...this.placed(target, tile, camera));
      ctx.clip();
      this.copy(ctx, this.under, camera, view);
      ctx.restore();
    }
    this.copy(ctx, target, camera, view);
    if (scene.live.size) paint(ctx, scene, { ...view, hairlines: target.hairlines }, 'live');
  }

  /** A rectangle of the map on the canvas, device pixels (x, y, width, height), widened to whole pixels. */
  private onCanvas(r: Rect, camera: Camera): [number, number, number, number] {
    const a = camera.k * this.ratio;
    const x = Math.floor(r.x0 * a + camera.x * this.ratio) - 1;
    const y = Math.floor(r.y0 * a + camera.y * this.ratio) - 1;
    return [x, y, Math.ceil(r.x1 * a + camera.x * this.ratio) + 1 - x, Math.ceil(r.y1 * a + camera.y * this.ratio) + 1 - y];
  }

  /** Copies a level's rendered tiles in view to the canvas, stretched by the camera's scale over the level's. */
  private copy(ctx: CanvasRenderingContext2D, level: Level, camera: Camera, view: Rect): void {
    this.each(this.slots(level, view), (i, j) => {
      const tile = level.tiles.get(`${i} ${j}`);
      if (tile?.bitmap && (!tile.stale || level !== this.target)) ctx.drawImage(tile.bitmap, ...this.placed(level, tile, camera));
    });
  }

  /**
   * Where a tile goes on the canvas, device pixels: x, y, width, height. Edges fall on whole
   * pixels, so neighbours meet without a seam and, at the level's own scale, text stays sharp.
   */
  private placed(level: Level, tile: Tile, camera: Camera): [number, number, number, number] {
    const side = (TILE * camera.k) / level.k;
    const x = Math.round(camera.x * this.ratio + tile.i * side);
    const y = Math.round(camera.y * this.ratio + tile.j * side);
    return [x, y, Math.round(camera.x * this.ratio + (tile.i + 1) * side) - x, Math.round(camera.y * this.ratio + (tile.j + 1) * side) - y];
  }

  private level(k: number, view: Rect, scene: Prepared): Level {
    let level = this.levels.get(k);
    if (!level) {
      level = { k, tiles: new Map(), hairlines: scene.segmentsIn(view) > LOD_SEGMENTS };
      this.levels.set(k, level);
    }
    return level;
  }

  /** The level at which the whole map fits the viewport (on the grid of levels, so zooming may use it too). */
  private overview(scene: Prepared, viewport: Viewport): Level {
    const extent = scene.extent(1);
    const fit = Math.min(viewport.width / (extent.x1 - extent.x0), viewport.height / (extent.y1 - extent.y0));
    return this.level(2 ** (Math.floor(Math.log2(fit) / LEVEL_STEP) * LEVEL_STEP), extent, scene);
  }

  private slots(level: Level, view: Rect): Slots {
    const span = TILE / (this.ratio * level.k);
    return { i0: Math.floor(view.x0 / span), i1: Math.floor(view.x1 / span), j0: Math.floor(view.y0 / span), j1: Math.floor(view.y1 / span) };
  }

  private each(slots: Slots, visit: (i: number, j: number) => void): void {
    for (let j = slots.j0; j <= slots.j1; j++) for (let i = slots.i0; i <= slots.i1; i++) visit(i, j);
  }

  private rectOf(level: Level, i: number, j: number): Rect {
    const span = TILE / (this.ratio * level.k);
    return { x0: i * span, y0: j * span, x1: (i + 1) * span, y1: (j + 1) * span };
  }

  /** The tile at a place, made (stale, to be rendered) if it is not kept; none where the map has nothing. */
  private tile(level: Level, i: number, j: number, scene: Prepared): Tile | null {
    const key = `${i} ${j}`;
    let tile = level.tiles.get(key);
    if (!tile) {
      if (!overlaps(this.rectOf(level, i, j), scene.extent(level.k))) return null;
      tile = { i, j, bitmap: null, stale: true, rendered: false, heavy: false, used: this.frames };
      level.tiles.set(key, tile);
    }
    tile.used = this.frames;
    return tile;
  }

  /** Whether a level has every tile of these slots rendered and up to date (or, `outdated`, rendered at all). */
  private covers(level: Level, slots: Slots, outdated = false): boolean {
    const scene = this.scene;
    let covered = true;
    this.each(slots, (i, j) => {
      if (!covered || !scene) return;
      const tile = level.tiles.get(`${i} ${j}`);
      if (tile ? (outdated ? !tile.rendered : tile.stale) : overlaps(this.rectOf(level, i, j), scene.extent(level.k))) covered = false;
    });
    return covered;
  }

  private closestCovering(view: Rect, k: number, outdated: boolean): Level | null {
    const levels = [...this.levels.values()].filter((level) => level.k !== k).sort((p, q) => Math.abs(Math.log(p.k / k)) - Math.abs(Math.log(q.k / k)));
    return levels.find((level) => this.covers(level, this.slots(level, view), outdated)) ?? null;
  }

  /** Renders a tile, unless it holds more than `limit` things to draw (then it is marked heavy and left stale). */
  private render(level: Level, tile: Tile, scene: Prepared, limit = Infinity): void {
    const scratch = (this.scratch ??= new OffscreenCanvas(TILE, TILE));
    const ctx = scratch.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, TILE, TILE);
    const drawn = paint(ctx, scene, { ...this.rectOf(level, tile.i, tile.j), k: level.k, a: this.ratio * level.k, e: -tile.i * TILE, f: -tile.j * TILE, hairlines: level.hairlines }, 'settled', limit);
    tile.heavy = drawn < 0;
    if (tile.heavy) return;
    tile.stale = false;
    tile.rendered = true;
    this.shown = null;
    tile.bitmap?.close();
    // Empty space (most of it, zoomed out on a sparse map) keeps no bitmap.
    tile.bitmap = drawn ? scratch.transferToImageBitmap() : null;
  }

  /** Marks the tiles that show any of this, to be redrawn before they are shown again. */
  private invalidate(dirty: Dirty): void {
    if (!dirty.rects.length && !dirty.lines.length) return;
    this.shown = null;
    for (const level of this.levels.values())
      for (const tile of level.tiles.values()) {
        const r = this.rectOf(level, tile.i, tile.j);
        const pad = 12 + 4 / level.k;
        const area = { x0: r.x0 - pad, y0: r.y0 - pad, x1: r.x1 + pad, y1: r.y1 + pad };
        if (dirty.rects.some((d) => overlaps(d, area)) || dirty.lines.some(([ax, ay, bx, by]) => crosses(ax, ay, bx, by, area))) tile.stale = true;
      }
  }

  /** Least recently used tiles go beyond the cache's size (never one this frame used, nor the overview's), and levels left empty. */
  private evict(): void {
    const all = [...this.levels.values()].flatMap((level) => [...level.tiles].map(([key, tile]) => ({ level, key, tile })));
    if (all.length > CACHE_TILES)
      for (const { level, key, tile } of all.filter((t) => t.tile.used < this.frames).sort((p, q) => p.tile.used - q.tile.used).slice(0, all.length - CACHE_TILES)) {
        tile.bitmap?.close();
        level.tiles.delete(key);
      }
    for (const [k, level] of this.levels) if (level.tiles.size === 0 && level !== this.target && level !== this.under) this.levels.delete(k);
  }

  private clear(): void {
    for (const level of this.levels.values()) for (const tile of level.tiles.values()) tile.bitmap?.close();
    this.levels.clear();
    this.target = null;
    this.under = null;
    this.shown = null;
  }
}

function clearCanvas(ctx: CanvasRenderingContext2D): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
}

function union(a: Rect | null, b: Rect | null): Rect | null {
  if (!a || !b) return a ?? b;
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}
