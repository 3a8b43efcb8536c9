// A progress bar on stderr: redrawn in place on a terminal, a line every 10% in a log.
export function progressReporter(write: (text: string) => void, isTty: boolean, label: string): (done: number, total: number, extra?: string) => void {
  const start = Date.now();
  let lastDecile = -1;
  return (done, total, extra = '') => {
    const share = total > 0 ? done / total : 1;
    const elapsed = (Date.now() - start) / 1000;
    const eta = share > 0 ? elapsed / share - elapsed : 0;
    const width = 28;
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '·');
    const line = `${label} [${bar}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total} ${extra} ${elapsed.toFixed(0)}s elapsed, ~${eta.toFixed(0)}s left`;
    if (isTty) write(`\r${line}${done >= total ? '\n' : ''}`);
    else {
      const decile = Math.floor(share * 10);
      if (decile !== lastDecile || done >= total) {
        lastDecile = decile;
        write(`${line}\n`);
      }
    }
  };
}
