/**
 * Breaking an official document's title into lines (GB/T 9704-2012 §7.3.3: "多行标题排列时应当做到词意完整，
 * 排列对称，长短适宜，间距恰当"). A title never breaks inside a word or a domain phrase ("淘汰落 / 后产能",
 * "不再恢复 / 生产" are the faults this prevents), and its lines are as even as the word boundaries allow.
 * Pure; the line width is in characters of the title's size.
 */

/** Phrases of this domain that a break must not cut, beyond what the word segmenter knows. */
const PHRASES = [
  '淘汰落后产能',
  '落后产能',
  '恢复生产',
  '生产线（设备）',
  '生产线',
  '工作领导小组',
  '领导小组办公室',
  '办公室',
  '公开承诺书',
  '承诺书',
  '责任书',
  '验收意见',
  '联合验收',
  '公示',
  '公告',
  '名单',
];

const OPENERS = '（《“‘〔【';
const CLOSERS = '）》”’〕】，、。；：？！';

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Every index where a line may start (0 < i < length). */
export function allowedBreaks(title: string): Set<number> {
  const chars = [...title];
  const breaks = new Set<number>();
  for (const s of segmenter.segment(title)) if (s.index > 0) breaks.add([...title.slice(0, s.index)].length);
  // Digits and Latin runs (2026年, GB/T) stay whole; the segmenter already keeps them, years join their 年.
  for (const phrase of PHRASES) {
    let from = 0;
    for (;;) {
      const at = title.indexOf(phrase, from);
      if (at < 0) break;
      const start = [...title.slice(0, at)].length;
      const len = [...phrase].length;
      for (let i = start + 1; i < start + len; i++) breaks.delete(i);
      from = at + phrase.length;
    }
  }
  // Nothing inside a short bracketed group: "（第一批）" stays whole.
  let open = -1;
  chars.forEach((c, i) => {
    if (OPENERS.includes(c)) open = i;
    else if (CLOSERS.slice(0, 5).includes(c) && open >= 0) {
      if (i - open <= 10) for (let j = open + 1; j <= i; j++) breaks.delete(j);
      open = -1;
    }
  });
  for (let i = 1; i < chars.length; i++) {
    if (CLOSERS.includes(chars[i]!) || OPENERS.includes(chars[i - 1]!)) breaks.delete(i);
    if (/\d/.test(chars[i - 1]!) && /[\d年月日号]/.test(chars[i]!)) breaks.delete(i);
  }
  return breaks;
}

/**
 * The title's lines: one line when it fits; otherwise the fewest lines that fit, with breaks chosen so the lines'
 * lengths are as equal as possible (sum of squared differences from the mean), preferring breaks after a closing
 * bracket or a conjunction. Falls back to character breaks only when a single word is longer than a line.
 */
export function breakTitle(title: string, maxPerLine: number): string[] {
  const chars = [...title.trim()];
  const n = chars.length;
  if (n <= maxPerLine) return [chars.join('')];
  const allowed = [...allowedBreaks(chars.join(''))].sort((a, b) => a - b);
  for (let k = Math.ceil(n / maxPerLine); k <= n; k++) {
    const best = bestBreaks(chars, allowed, k, maxPerLine);
    if (best) return slices(chars, best);
  }
  return [chars.join('')];
}

/** Start indexes of the segmenter's words, to tell a lone character ("信息化 / 厅") from a whole word. */
function wordStarts(chars: string[]): Set<number> {
  const text = chars.join('');
  return new Set([...segmenter.segment(text)].map((s) => [...text.slice(0, s.index)].length));
}

function bonus(chars: string[], starts: Set<number>, at: number): number {
  const before = chars[at - 1]!;
  if ('）》”'.includes(before)) return -2;
  if ('及和与的'.includes(before)) return -1;
  if (chars[at] === '关' && chars[at + 1] === '于') return -3;
  // A single-character word cut off from its neighbour (厅, 局, 委 after a name) reads badly on either side.
  const loneAfter = starts.has(at) && starts.has(at + 1);
  const loneBefore = starts.has(at - 1) && at - 1 > 0;
  return loneAfter || loneBefore ? 6 : 0;
}

/** Exhaustive over allowed breaks: a title has a few dozen characters and at most three or four lines. */
function bestBreaks(chars: string[], allowed: number[], k: number, max: number): number[] | null {
  const n = chars.length;
  const mean = n / k;
  const starts = wordStarts(chars);
  let best: { cost: number; cuts: number[] } | null = null;
  const walk = (start: number, cuts: number[], cost: number) => {
    if (cuts.length === k - 1) {
      const last = n - start;
      if (last > max) return;
      const total = cost + (last - mean) ** 2;
      if (!best || total < best.cost) best = { cost: total, cuts: [...cuts] };
      return;
    }
    for (const at of allowed) {
      if (at <= start) continue;
      const len = at - start;
      if (len > max) break;
      walk(at, [...cuts, at], cost + (len - mean) ** 2 + bonus(chars, starts, at));
    }
  };
  walk(0, [], 0);
  return (best as { cuts: number[] } | null)?.cuts ?? null;
}

function slices(chars: string[], cuts: number[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const at of [...cuts, chars.length]) {
    out.push(chars.slice(from, at).join(''));
    from = at;
  }
  return out;
}
