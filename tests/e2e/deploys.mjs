// Deploys for the update tests: a server of their own, serving a copy of the release build,
// under which a test deploys another build while a page runs, makes one file fail (a 404, a
// dropped connection) or has every request hang with the connection open.
//
// `nextBuild` makes "another build" from a built one the way a real rebuild differs: its JS
// glue and its wasm cannot be mixed with the old ones (the wasm's import module is renamed,
// in both), and version.json and the manifest stamped into sw.js name a new build id with
// every file's new hash, as `cargo xtask dist` would write them.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, sep } from 'node:path';

/** The release build the tests start from (`cargo xtask dist` writes it). */
export const DIST = process.env.TEKIGO_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const GLUE = 'tekigo-web.js';
const WASM = 'tekigo-web_bg.wasm';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
};

/** A copy of a build in a folder of its own. */
export function copyBuild(from = DIST) {
  const folder = mkdtempSync(join(tmpdir(), 'tekigo-build-'));
  cpSync(from, folder, { recursive: true });
  return folder;
}

/** The build id in a build's version.json. */
export function buildId(folder) {
  return JSON.parse(readFileSync(join(folder, 'version.json'), 'utf8')).build;
}

/** A new build made from `from`: same app, but JS and wasm that fail when mixed with `from`'s. */
export function nextBuild(from, tag) {
  const folder = copyBuild(from);
  const wasm = readFileSync(join(folder, WASM));
  const glue = readFileSync(join(folder, GLUE), 'utf8');
  const module = importModule(wasm);
  const renamed = module.slice(0, -tag.length) + tag;
  writeFileSync(join(folder, WASM), renameImportModule(wasm, module, renamed));
  writeFileSync(join(folder, GLUE), glue.replaceAll(JSON.stringify(module), JSON.stringify(renamed)));

  // As xtask stamps a build: every file under the folder by its path, but the worker itself,
  // version.json and the single-file edition (which the worker does not keep).
  const files = Object.fromEntries(
    readdirSync(folder, { recursive: true })
      .filter((name) => !['sw.js', 'version.json', 'tekigo.html'].includes(name))
      .filter((name) => statSync(join(folder, name)).isFile())
      .map((name) => [name.split(sep).join('/'), sha256(readFileSync(join(folder, name)))]),
  );
  const version = JSON.parse(readFileSync(join(folder, 'version.json'), 'utf8')).version;
  const build = sha256(JSON.stringify(files)).slice(0, 12);
  const versionJson = JSON.stringify({ version, build });
  writeFileSync(join(folder, 'version.json'), versionJson);
  files['version.json'] = sha256(versionJson);
  const worker = readFileSync(join(folder, 'sw.js'), 'utf8').replace(
    /^const MANIFEST = .*;$/m,
    `const MANIFEST = ${JSON.stringify({ version, build, files })};`,
  );
  writeFileSync(join(folder, 'sw.js'), `${worker}// deployed by the update tests: build ${build}\n`);
  return folder;
}

/**
 * A server on 127.0.0.1 serving `folder`. `deploy(folder)` swaps what it serves; `fail(file,
 * how)` answers that file with a 404, drops the connection ('reset') or never answers
 * ('hang'); `hang()` accepts every connection and never answers; `heal()` ends all of that.
 */
export async function startServer(folder) {
  let served = folder;
  const failures = new Map();
  let hanging = false;
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname).slice(1) || 'index.html';
    const failure = failures.get(path);
    if (hanging || failure === 'hang') return;
    if (failure === 'reset') return request.socket.destroy();
    let body;
    try {
      if (failure === '404' || path.split('/').includes('..')) throw new Error('not served');
      body = readFileSync(join(served, path));
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    deploy(next) {
      served = next;
    },
    fail(file, how) {
      failures.set(file, how);
    },
    hang() {
      hanging = true;
    },
    heal() {
      failures.clear();
      hanging = false;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The sections of a wasm module: [id, start of content, end of content]. */
function sections(wasm) {
  const found = [];
  let at = 8; // magic and version
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb128(wasm, at + 1);
    found.push([id, start, start + size]);
    at = start + size;
  }
  return found;
}

function leb128(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

const IMPORT_SECTION = 2;

/** The module name the wasm imports from (wasm-bindgen uses one: the glue's). */
function importModule(wasm) {
  const [, start] = sections(wasm).find(([id]) => id === IMPORT_SECTION);
  const [, nameStart] = leb128(wasm, start); // the number of imports
  const [length, at] = leb128(wasm, nameStart);
  return wasm.subarray(at, at + length).toString('latin1');
}

/** The wasm with `from` renamed to `to` (of the same length) in its import section only. */
function renameImportModule(wasm, from, to) {
  const copy = Buffer.from(wasm);
  const [, start, end] = sections(copy).find(([id]) => id === IMPORT_SECTION);
  const name = Buffer.from(from, 'latin1');
  for (let at = copy.indexOf(name, start); at !== -1 && at < end; at = copy.indexOf(name, at + 1)) {
    copy.write(to, at, 'latin1');
  }
  return copy;
}
