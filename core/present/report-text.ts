import type { Lang, PropositionText, WorkshopReport } from './report.ts';

/**
 * The report as a sequence of blocks, rendered to Markdown here and to a PDF handout by the
 * server (which puts each step's picture where its `step` block is).
 */
export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'step'; index: number };

const WORDS = {
  en: {
    report: 'Workshop report',
    map: 'Map',
    held: 'Held',
    changes: 'How the map changed',
    added: 'Propositions added',
    removed: 'Propositions removed',
    relabelled: 'Propositions relabelled',
    conceptsAdded: 'Concepts added',
    conceptsRemoved: 'Concepts removed',
    conceptsRenamed: 'Concepts renamed',
    noChanges: 'The map was not changed during the session.',
    votes: 'Votes',
    noVotes: 'No votes were cast.',
    dots: (n: number) => (n === 1 ? '1 dot' : `${n} dots`),
    participants: 'Participants',
    used: (used: number, budget: number) => `used ${used} of ${budget} dots`,
    parked: 'Parking lot',
    noParked: 'Nothing was parked.',
    steps: 'The presentation, step by step',
    step: 'Step',
    notes: 'Notes',
    alsoShown: 'Also shown',
    highlighted: '(highlighted)',
    nothing: 'Nothing is shown at this step.',
    ongoing: 'in progress',
  },
  zh: {
    report: '研讨会报告',
    map: '概念图',
    held: '时间',
    changes: '概念图的变化',
    added: '新增命题',
    removed: '删除的命题',
    relabelled: '改写的命题',
    conceptsAdded: '新增概念',
    conceptsRemoved: '删除的概念',
    conceptsRenamed: '重命名的概念',
    noChanges: '会议期间概念图没有变化。',
    votes: '投票',
    noVotes: '没有人投票。',
    dots: (n: number) => `${n} 票`,
    participants: '参与者',
    used: (used: number, budget: number) => `已用 ${used}/${budget} 票`,
    parked: '停车场（待议事项）',
    noParked: '没有待议事项。',
    steps: '演示的每一步',
    step: '第',
    notes: '备注',
    alsoShown: '同时显示',
    highlighted: '（重点）',
    nothing: '这一步不显示任何内容。',
    ongoing: '进行中',
  },
} as const;

const proposition = (p: PropositionText) => `${p.from} — ${p.phrase || '…'} → ${p.to}`;

/** When the session was held, in the reader's time zone (an unknown zone falls back to UTC). */
function heldAt(report: WorkshopReport, lang: Lang, timeZone: string): string {
  const format = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { ...options, timeZone });
    } catch {
      return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { ...options, timeZone: 'UTC' });
    }
  };
  const start = format({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(report.startedAt));
  const end = report.endedAt ? format({ timeStyle: 'short' }).format(new Date(report.endedAt)) : WORDS[lang].ongoing;
  return `${start} – ${end}`;
}

export function reportBlocks(report: WorkshopReport, lang: Lang, timeZone = 'UTC'): ReportBlock[] {
  const w = WORDS[lang];
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: `${w.report}: ${report.title}` },
    { kind: 'list', items: [`${w.map}: ${report.mapTitle}`, `${w.held}: ${heldAt(report, lang, timeZone)}`] },
    { kind: 'heading', level: 2, text: w.changes },
  ];
  const c = report.changes;
  const section = (title: string, items: string[]) => {
    if (items.length) blocks.push({ kind: 'heading', level: 3, text: title }, { kind: 'list', items });
  };
  section(w.added, c.added.map(proposition));
  section(w.removed, c.removed.map(proposition));
  section(w.relabelled, c.relabelled.map((r) => `${proposition(r.before)}  ⇒  ${proposition(r.after)}`));
  section(w.conceptsAdded, c.conceptsAdded);
  section(w.conceptsRemoved, c.conceptsRemoved);
  section(w.conceptsRenamed, c.conceptsRenamed.map((r) => `${r.before} ⇒ ${r.after}`));
  if (Object.values(c).every((list) => list.length === 0)) blocks.push({ kind: 'paragraph', text: w.noChanges });

  blocks.push({ kind: 'heading', level: 2, text: w.votes });
  if (report.votes.length === 0) blocks.push({ kind: 'paragraph', text: w.noVotes });
  else
    blocks.push({
      kind: 'list',
      items: report.votes.map((v) => `${v.concept}: ${w.dots(v.total)} (${v.by.map((b) => `${b.name} ${b.count}`).join(', ')})`),
    });
  if (report.participants.length)
    blocks.push(
      { kind: 'heading', level: 3, text: w.participants },
      { kind: 'list', items: report.participants.map((p) => `${p.name}: ${w.used(p.used, p.budget)}`) },
    );

  blocks.push({ kind: 'heading', level: 2, text: w.parked });
  blocks.push(report.parked.length ? { kind: 'list', items: report.parked.map((p) => p.text) } : { kind: 'paragraph', text: w.noParked });

  blocks.push({ kind: 'heading', level: 2, text: w.steps });
  report.steps.forEach((step, index) => {
    const heading = lang === 'zh' ? `第 ${step.number} 步${step.title ? `：${step.title}` : ''}` : `${w.step} ${step.number}${step.title ? `: ${step.title}` : ''}`;
    blocks.push({ kind: 'heading', level: 3, text: heading }, { kind: 'step', index });
    const items = step.propositions.map((p) => (p.highlighted ? `${proposition(p)} ${w.highlighted}` : proposition(p)));
    if (step.alsoShown.length) items.push(`${w.alsoShown}: ${step.alsoShown.join(lang === 'zh' ? '、' : ', ')}`);
    blocks.push(items.length ? { kind: 'list', items } : { kind: 'paragraph', text: w.nothing });
    if (step.notes.trim()) blocks.push({ kind: 'paragraph', text: `${w.notes}: ${step.notes.trim()}` });
  });
  return blocks;
}

/** Characters Markdown would read as syntax, escaped so labels print as typed. */
const escapeMarkdown = (s: string) => s.replace(/[\\`*_[\]<>#|~]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');

export function reportMarkdown(report: WorkshopReport, lang: Lang, timeZone = 'UTC'): string {
  const lines: string[] = [];
  for (const block of reportBlocks(report, lang, timeZone)) {
    if (block.kind === 'heading') lines.push(`${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`, '');
    else if (block.kind === 'paragraph') lines.push(escapeMarkdown(block.text), '');
    else if (block.kind === 'list') lines.push(...block.items.map((item) => `- ${escapeMarkdown(item)}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
