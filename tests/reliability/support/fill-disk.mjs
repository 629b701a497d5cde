// Preloaded into a child process (`node --import tsx --import ./fill-disk.mjs ...`) to simulate a disk
// that fills up: a write through fs/promises `writeFile` to a path containing PASSIM_FULL_DISK_PATH
// writes half its data, then fails with ENOSPC, as a real full disk does part-way through a file.
// The patch replaces the function on the builtin module and syncs the ES module bindings, so code
// that did `import { writeFile } from 'node:fs/promises'` gets it too.
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const promises = require('node:fs/promises');
const marker = process.env.PASSIM_FULL_DISK_PATH;
const realWriteFile = promises.writeFile;

promises.writeFile = async function writeFileOnFullDisk(path, data, options) {
  if (!marker || !String(path).includes(marker)) return realWriteFile(path, data, options);
  const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer ?? data, data.byteOffset ?? 0, data.byteLength ?? data.length);
  await realWriteFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
  process.stderr.write(`fill-disk: refused a write to ${path}\n`);
  const error = new Error(`ENOSPC: no space left on device, write`);
  error.code = 'ENOSPC';
  error.errno = -28;
  error.syscall = 'write';
  throw error;
};
syncBuiltinESMExports();
