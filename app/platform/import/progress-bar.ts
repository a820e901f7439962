/**
 * The progress of a command-line import on stderr: a bar redrawn in place on a terminal,
 * otherwise (a log file, CI) one line per 10 %.
 */
export function progressBar(label: (percent: number) => string, stream: NodeJS.WriteStream = process.stderr) {
  const tty = Boolean(stream.isTTY);
  let lastStep = 0;
  let drawn = false;
  return {
    update(done: number, total: number) {
      if (total <= 0) return;
      const percent = Math.min(100, Math.floor((done * 100) / total));
      if (tty) {
        const width = 30;
        const filled = Math.round((width * percent) / 100);
        stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${label(percent)}\x1b[K`);
        drawn = true;
      } else if (Math.floor(percent / 10) > lastStep) {
        lastStep = Math.floor(percent / 10);
        stream.write(label(lastStep * 10) + "\n");
      }
    },
    /** Clears the bar so that the report starts on a clean line. */
    end() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}
