// Preloaded into a child process (`node --import tsx --import ./fill-disk.mjs ...`) to simulate a disk
// that fills up: a file opened through fs/promises `open` (or written with `writeFile`) at a path
// containing PASSIM_FULL_DISK_PATH takes half of what is written to it, then the write fails with
// ENOSPC, as a real full disk does part-way through a file. The patch replaces the functions on the
// builtin module and syncs the ES module bindings, so code that did
// `import { open } from 'node:fs/promises'` gets them too.
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const promises = require('node:fs/promises');
const marker = process.env.PASSIM_FULL_DISK_PATH;
const realWriteFile = promises.writeFile;
const realOpen = promises.open;
const isOnFullDisk = (path) => Boolean(marker) && String(path).includes(marker);

const toBytes = (data) => (typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer ?? data, data.byteOffset ?? 0, data.byteLength ?? data.length));

function noSpace(path) {
  process.stderr.write(`fill-disk: refused a write to ${path}\n`);
  const error = new Error(`ENOSPC: no space left on device, write`);
  error.code = 'ENOSPC';
  error.errno = -28;
  error.syscall = 'write';
  return error;
}

promises.writeFile = async function writeFileOnFullDisk(path, data, options) {
  if (!isOnFullDisk(path)) return realWriteFile(path, data, options);
  const bytes = toBytes(data);
  await realWriteFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
  throw noSpace(path);
};

promises.open = async function openOnFullDisk(path, flags, mode) {
  const handle = await realOpen(path, flags, mode);
  if (!isOnFullDisk(path) || flags === 'r' || flags === undefined) return handle;
  handle.writeFile = async (data) => {
    const bytes = toBytes(data);
    await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    throw noSpace(path);
  };
  return handle;
};
syncBuiltinESMExports();
