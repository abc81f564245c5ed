import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowDownWideNarrow, ArrowUpWideNarrow, Link2, Plus, X } from 'lucide-react';
import { routeHref } from '../../ui/route.ts';
import {
  addAlternative,
  addCriterion,
  evidenceFor,
  matrixOf,
  removeAlternative,
  removeCriterion,
  setCells,
  updateAlternative,
  updateCriterion,
  type Problem,
  type Voice,
} from './model.ts';

export interface CellRef {
  row: number;
  col: number;
}

/**
 * The decision matrix as a spreadsheet: arrow keys and Tab move, typing starts an edit, Enter
 * keeps it and moves down, Delete clears, and a block copied from a spreadsheet pastes in from
 * the active cell. Cells with cited evidence carry a mark.
 */
export function MatrixGrid({
  problem,
  voice,
  active,
  onActive,
  onChange,
  highlight,
}: {
  problem: Problem;
  voice: Voice;
  active: CellRef | null;
  onActive(cell: CellRef): void;
  onChange(problem: Problem): void;
  /** Cells to tint (group disagreement), by "row,col", with a strength 0–1. */
  highlight?: Map<string, number>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ cell: CellRef; text: string } | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const matrix = matrixOf(problem, voice);
  const m = problem.alternatives.length;
  const n = problem.criteria.length;

  const focusCell = (cell: CellRef) => {
    onActive(cell);
    requestAnimationFrame(() => table.current?.querySelector<HTMLElement>(`[data-cell="${cell.row},${cell.col}"]`)?.focus());
  };

  function commit(cell: CellRef, text: string, move: 'down' | 'right' | 'none') {
    setEditing(null);
    const trimmed = text.trim().replace(',', '.');
    const value = trimmed === '' ? null : Number(trimmed);
    if (value === null || Number.isFinite(value)) onChange(setCells(problem, voice, [{ ...cell, value }]));
    if (move === 'down') focusCell({ row: Math.min(cell.row + 1, m - 1), col: cell.col });
    else if (move === 'right') focusCell({ row: cell.row, col: Math.min(cell.col + 1, n - 1) });
  }

  function onKey(e: React.KeyboardEvent, cell: CellRef) {
    if (editing) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, e.shiftKey ? -1 : 1], Enter: [1, 0] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      focusCell({ row: Math.max(0, Math.min(m - 1, cell.row + move[0])), col: Math.max(0, Math.min(n - 1, cell.col + move[1])) });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      onChange(setCells(problem, voice, [{ ...cell, value: null }]));
    } else if (e.key === 'F2') setEditing({ cell, text: String(matrix[cell.row]?.[cell.col] ?? '') });
    else if (/^[0-9.,-]$/.test(e.key) && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      setEditing({ cell, text: e.key });
    }
  }

  function onPaste(e: React.ClipboardEvent) {
    if (editing || !active) return;
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    // Spreadsheets copy tab-separated rows; a single column of lines pastes downwards.
    const rows = text.replace(/\r?\n$/, '').split(/\r?\n/).map((line) => line.split(/\t|;|,(?=\s*-?\d)/));
    let next = problem;
    while (next.alternatives.length < active.row + rows.length) next = addAlternative(next, t('decisions.option', { n: next.alternatives.length + 1 }));
    const cells = rows.flatMap((cellsOfRow, i) =>
      cellsOfRow.map((raw, j) => {
        const v = raw.trim().replace(',', '.');
        return { row: active.row + i, col: active.col + j, value: v === '' || !Number.isFinite(Number(v)) ? null : Number(v) };
      }),
    );
    onChange(setCells(next, voice, cells));
  }

  return (
    <div className="matrix-wrap" onPaste={onPaste}>
      <table ref={table} className="matrix" role="grid" aria-label={t('decisions.matrix')} aria-rowcount={m + 1} aria-colcount={n + 1}>
        <thead>
          <tr>
            <th className="corner">{t('decisions.alternativesHeader')}</th>
            {problem.criteria.map((c, j) => (
              <th key={c.id} scope="col">
                <div className="criterion-head">
                  <input
                    className="input cell-input"
                    aria-label={t('decisions.criterionName', { n: j + 1 })}
                    value={c.name ?? c.id}
                    onChange={(e) => onChange(updateCriterion(problem, j, { name: e.target.value }))}
                  />
                  <button
                    type="button"
                    className={`icon-button small type-${c.type}`}
                    title={t(`decisions.type.${c.type}`)}
                    aria-label={`${c.name ?? c.id}: ${t(`decisions.type.${c.type}`)}`}
                    onClick={() => onChange(updateCriterion(problem, j, { type: c.type === 'benefit' ? 'cost' : 'benefit' }))}
                  >
                    {c.type === 'benefit' ? <ArrowUpWideNarrow size={14} /> : <ArrowDownWideNarrow size={14} />}
                  </button>
                  <button type="button" className="icon-button small" aria-label={t('decisions.removeCriterion', { name: c.name ?? c.id })} onClick={() => onChange(removeCriterion(problem, j))}>
                    <X size={12} />
                  </button>
                </div>
              </th>
            ))}
            <th>
              <button type="button" className="button ghost small" onClick={() => onChange(addCriterion(problem, t('decisions.criterionN', { n: n + 1 })))}>
                <Plus size={13} /> {t('decisions.addCriterion')}
              </button>
            </th>
          </tr>
        </thead>
        <tbody>
          {problem.alternatives.map((a, i) => (
            <tr key={a.id}>
              <th scope="row">
                <div className="alternative-head">
                  <input
                    className="input cell-input"
                    aria-label={t('decisions.alternativeName', { n: i + 1 })}
                    value={a.name ?? a.id}
                    onChange={(e) => onChange(updateAlternative(problem, i, { name: e.target.value }))}
                  />
                  {a.entity && (
                    <a className="icon-button small" href={routeHref('library', a.entity)} title={a.entity} aria-label={t('decisions.openEntity')}>
                      <Link2 size={13} />
                    </a>
                  )}
                  <button type="button" className="icon-button small" aria-label={t('decisions.removeAlternative', { name: a.name ?? a.id })} onClick={() => onChange(removeAlternative(problem, i))}>
                    <X size={12} />
                  </button>
                </div>
              </th>
              {problem.criteria.map((c, j) => {
                const cell = { row: i, col: j };
                const isActive = active?.row === i && active.col === j;
                const cited = evidenceFor(problem, a.id, c.id).length;
                const tint = highlight?.get(`${i},${j}`);
                if (editing && editing.cell.row === i && editing.cell.col === j)
                  return (
                    <td key={c.id} className="cell editing">
                      <input
                        autoFocus
                        className="cell-editor"
                        aria-label={t('decisions.value', { alternative: a.name ?? a.id, criterion: c.name ?? c.id })}
                        value={editing.text}
                        inputMode="decimal"
                        onChange={(e) => setEditing({ cell, text: e.target.value })}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') commit(cell, editing.text, 'down');
                          else if (e.key === 'Tab') {
                            e.preventDefault();
                            commit(cell, editing.text, 'right');
                          } else if (e.key === 'Escape') {
                            setEditing(null);
                            focusCell(cell);
                          }
                        }}
                        onBlur={() => commit(cell, editing.text, 'none')}
                      />
                    </td>
                  );
                const value = matrix[i]?.[j];
                return (
                  <td
                    key={c.id}
                    className={`cell ${isActive ? 'active' : ''} ${value === null || value === undefined ? 'missing' : ''}`}
                    data-cell={`${i},${j}`}
                    role="gridcell"
                    aria-selected={isActive}
                    aria-label={`${a.name ?? a.id} · ${c.name ?? c.id}: ${value ?? t('decisions.missing')}${cited ? ` · ${t('decisions.cited', { count: cited })}` : ''}`}
                    tabIndex={isActive || (!active && i === 0 && j === 0) ? 0 : -1}
                    style={tint ? { backgroundColor: `rgb(230 159 0 / ${Math.round(tint * 45)}%)` } : undefined}
                    onClick={() => onActive(cell)}
                    onDoubleClick={() => setEditing({ cell, text: String(value ?? '') })}
                    onKeyDown={(e) => onKey(e, cell)}
                  >
                    {value ?? '—'}
                    {cited > 0 && <span className="evidence-mark" aria-hidden title={t('decisions.cited', { count: cited })} />}
                  </td>
                );
              })}
              <td />
            </tr>
          ))}
          <tr>
            <th scope="row">
              <button type="button" className="button ghost small" onClick={() => onChange(addAlternative(problem, t('decisions.option', { n: m + 1 })))}>
                <Plus size={13} /> {t('decisions.addAlternative')}
              </button>
            </th>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
