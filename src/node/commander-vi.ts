/**
 * commander's own error messages, in Vietnamese. commander writes them in English through the output
 * hook; each known shape is rewritten, and anything unknown still gets a Vietnamese lead-in.
 */
const RULES: [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown option '([^']*)'/, (o) => `Lỗi: không có tùy chọn «${o}».`],
  [/^error: unknown command '([^']*)'/, (c) => `Lỗi: không có lệnh «${c}».`],
  [/^error: missing required argument '([^']*)'/, (a) => `Lỗi: thiếu tham số «${a}».`],
  [/^error: option '([^']*)' argument missing/, (o) => `Lỗi: tùy chọn «${o}» cần một giá trị.`],
  [/^error: required option '([^']*)' not specified/, (o) => `Lỗi: thiếu tùy chọn bắt buộc «${o}».`],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, (c, want, got) => `Lỗi: thừa tham số${c ? ` cho lệnh «${c}»` : ''}: cần ${want}, nhưng có ${got}.`],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\./, (o, v) => `Lỗi: giá trị «${v}» của tùy chọn «${o}» không dùng được.`],
];

const SUGGESTION_ONE = /\(Did you mean ([^?]*)\?\)/;
const SUGGESTION_MANY = /\(Did you mean one of ([^?]*)\?\)/;

export function commanderMessageVi(text: string): string {
  const [first, ...rest] = text.replace(/\n$/, '').split('\n');
  let line = `Lỗi: ${first.replace(/^error: /, '')}`;
  for (const [re, say] of RULES) {
    const m = re.exec(first);
    if (m) {
      line = say(...m.slice(1));
      break;
    }
  }
  const more = rest.join('\n');
  const many = SUGGESTION_MANY.exec(more);
  const one = SUGGESTION_ONE.exec(more);
  if (many) line += ` Có phải ý bạn là một trong: ${many[1]}?`;
  else if (one) line += ` Có phải ý bạn là «${one[1]}»?`;
  return `${line}\n`;
}
