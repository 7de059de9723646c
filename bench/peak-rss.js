/**
 * The peak RSS of this process so far, in KB, for the benchmark's children. On Linux it is the
 * kernel's VmHWM, which starts afresh when the program starts. Not getrusage's maxRSS
 * (`process.resourceUsage().maxRSS`): on Linux a forked child's maxRSS starts at the RSS the fork
 * copied from its parent (the parent's malloc'd memory, Buffers and SQLite's caches; not V8's
 * heap), so a 42 MB child of a process holding 300 MB of Buffers reported 311 MB, and the export's
 * figure moved with whatever the bench process held when it forked. maxRSS where there is no /proc.
 */
const { readFileSync } = require('node:fs');

function peakRssKb() {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (kb) return Number(kb[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

module.exports = { peakRssKb };
