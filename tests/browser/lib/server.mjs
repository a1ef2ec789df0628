// Starts the real Dateline binary on a free loopback port with a fresh,
// temporary data folder, and waits until the home page answers.
//
//   const { base, stop } = await startServer();
//   ... await fetch(`${base}/`) ...
//   await stop();
//
// To restart on the same data (e.g. to prove something survives a restart):
//
//   const first = await startServer({ keepData: true });   // stop() keeps the folder
//   await first.stop();
//   const second = await startServer({ command: 'serve', dataDir: first.dataDir });
//   await second.stop();                                    // a given folder is kept too
//   await rm(first.dataDir, { recursive: true, force: true });
//
// The binary comes from DATELINE_BIN (set by `make test`). A missing binary is
// an error, never a skip: a browser suite that silently skips proves nothing.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const READY_TIMEOUT_MS = 120_000; // seeding the demo generates images
const STOP_GRACE_MS = 5_000;
const LOG_TAIL_CHARS = 8_000;

/** Path of the dateline binary, or a loud error explaining how to get one. */
export function datelineBin() {
  const bin = process.env.DATELINE_BIN;
  if (!bin) {
    throw new Error(
      'DATELINE_BIN is not set. The browser tests drive the real binary: run ' +
        '`make test`, or `cargo build -p dateline` and then ' +
        'DATELINE_BIN=$CARGO_TARGET_DIR/debug/dateline node --test tests/browser/',
    );
  }
  if (!existsSync(bin)) {
    throw new Error(
      `DATELINE_BIN=${bin} does not exist. Build it first: cargo build -p dateline`,
    );
  }
  return path.resolve(bin);
}

/** A TCP port that was free a moment ago (bind port 0, read it, close). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}

/**
 * Starts `dateline <command> --data <dir> --listen 127.0.0.1:<port>`.
 * Resolves to { base, stop, dataDir, log } once GET / answers 200.
 *
 * - `command`: 'demo' (default: seeds an empty folder, then serves) or 'serve'.
 * - `dataDir`: an existing data folder to use (e.g. one a stopped server
 *   left); stop() never deletes a folder given here. Default: a fresh
 *   temporary folder, deleted by stop().
 * - `keepData`: stop() leaves the fresh temporary folder in place, so a second
 *   startServer({ dataDir }) can reuse it; the caller removes it.
 */
export async function startServer({ extraArgs = [], env = {}, command = 'demo', dataDir: existingDir, keepData = false } = {}) {
  const bin = datelineBin();
  if (existingDir !== undefined && !existsSync(existingDir)) {
    throw new Error(`startServer: data folder ${existingDir} does not exist`);
  }
  const dataDir = existingDir ?? (await mkdtemp(path.join(os.tmpdir(), 'dateline-browser-')));
  const removeOnStop = existingDir === undefined && !keepData;
  const port = await freePort();
  const listen = `127.0.0.1:${port}`;
  const base = `http://${listen}`;

  let log = '';
  const keep = (chunk) => {
    log += chunk.toString();
    if (log.length > LOG_TAIL_CHARS * 2) log = log.slice(-LOG_TAIL_CHARS);
  };

  const child = spawn(bin, [command, '--data', dataDir, '--listen', listen, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // Last resort if the test process dies without calling stop().
  const killOnExit = () => {
    if (exited === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
    child.on('error', (err) => {
      exited = { code: null, signal: null, error: err };
      resolve(exited);
    });
  });

  let stopped = false;
  /** Stops the server (SIGTERM, then SIGKILL after a grace); resolves to how it exited. */
  async function stop() {
    if (stopped) return exited;
    stopped = true;
    if (exited === null) {
      child.kill('SIGTERM');
      const timer = sleep(STOP_GRACE_MS).then(() => 'timeout');
      if ((await Promise.race([exitPromise, timer])) === 'timeout') {
        child.kill('SIGKILL');
        await exitPromise;
      }
    }
    process.removeListener('exit', killOnExit);
    if (removeOnStop) await rm(dataDir, { recursive: true, force: true });
    return exited;
  }

  const tail = () => log.slice(-LOG_TAIL_CHARS);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  try {
    for (;;) {
      if (exited !== null) {
        throw new Error(
          `dateline exited before answering (${JSON.stringify(exited)}); output:\n${tail()}`,
        );
      }
      try {
        const res = await fetch(`${base}/`, { signal: AbortSignal.timeout(10_000) });
        await res.arrayBuffer();
        if (res.status === 200) break;
        lastProblem = `GET / answered ${res.status}`;
      } catch (err) {
        lastProblem = `${err.name}: ${err.cause?.code ?? err.message}`;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `dateline did not answer 200 on ${base}/ within ${READY_TIMEOUT_MS / 1000} s ` +
            `(last: ${lastProblem}); output:\n${tail()}`,
        );
      }
      await sleep(250);
    }
  } catch (err) {
    await stop();
    // A folder made here for a server that never came up is nobody's to keep.
    if (existingDir === undefined && !removeOnStop) await rm(dataDir, { recursive: true, force: true });
    throw err;
  }

  return { base, stop, dataDir, log: () => log };
}
