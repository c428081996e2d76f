// Used only where /usr/bin/time is missing: `node --import` this file to record the process's
// peak RSS (KiB) in $BENCH_MAXRSS_FILE when it exits. Worker threads share the process.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_MAXRSS_FILE;
if (file) {
  process.on("exit", () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // nothing to report to
    }
  });
}
