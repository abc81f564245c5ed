import { useTranslation } from 'react-i18next';
import { formatPath, type Problem } from '../../../core/api.ts';

/** How many problems a dialog lists; the error's sentence already says how many there are. */
const SHOWN = 20;

/** What was wrong with a file, one line per problem: its line, its field, what to fix. */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul className="problems">
      {problems.slice(0, SHOWN).map((p, i) => (
        <li key={i}>
          {p.line !== undefined && <strong>{t('library.line', { line: p.line })} </strong>}
          {p.path.length > 0 && <code>{formatPath(p.path)}</code>} {p.message}
        </li>
      ))}
    </ul>
  );
}
