/** Text with [start, end) ranges wrapped in <mark>, built as React nodes (never as HTML). */
export function Highlighted({ text, ranges }: { text: string; ranges?: readonly (readonly [number, number])[] }) {
  if (!ranges || ranges.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
