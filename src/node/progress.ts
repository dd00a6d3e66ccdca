/**
 * A one-line progress bar on the terminal for long runs ("[#####-----] 12/100 xa-12.xlsx"), redrawn in
 * place; nothing at all when the output is not a terminal (a pipe, a log file, the tests).
 */
export interface Progress {
  tick(label: string): void;
  done(): void;
}

const WIDTH = 30;

export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < 2) return { tick: () => {}, done: () => {} };
  let n = 0;
  const columns = stream.columns ?? 80;
  return {
    tick(label: string) {
      n += 1;
      const filled = Math.round((n / total) * WIDTH);
      const line = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${n}/${total} ${label}`;
      stream.write(`\r${line.slice(0, columns - 1).padEnd(Math.min(columns - 1, line.length + 10))}`);
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
