/**
 * Which backups to keep: the newest ten, plus the newest of each of the last seven days and of
 * each of the last five weeks. A week of daily work and a month of weekly states survive, and
 * the folder stays a bounded size however often the app opens or saves.
 */
export const KEEP_RECENT = 10;
export const KEEP_DAYS = 7;
export const KEEP_WEEKS = 5;

const DAY = 24 * 60 * 60 * 1000;

export function backupsToKeep(backups: readonly { name: string; at: Date }[], now: Date): Set<string> {
  const newest = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set(newest.slice(0, KEEP_RECENT).map((b) => b.name));
  const firstPer = (bucketOf: (at: Date) => number, buckets: number) => {
    const seen = new Set<number>();
    for (const b of newest) {
      const bucket = bucketOf(b.at);
      if (bucket < 0 || bucket >= buckets || seen.has(bucket)) continue;
      seen.add(bucket);
      keep.add(b.name);
    }
  };
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  firstPer((at) => Math.floor((startOfToday + DAY - at.getTime()) / DAY), KEEP_DAYS);
  firstPer((at) => Math.floor((startOfToday + DAY - at.getTime()) / (7 * DAY)), KEEP_WEEKS);
  return keep;
}
