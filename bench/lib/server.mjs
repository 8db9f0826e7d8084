// Runs one Amapola server for a benchmark: seeds the demo, serves on a free loopback port,
// and is always stopped, even when the benchmark throws or is interrupted.

import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const targetDir = process.env.CARGO_TARGET_DIR ? resolve(repo, process.env.CARGO_TARGET_DIR) : join(repo, 'target');
const binary = process.env.AMAPOLA_BIN ?? join(targetDir, 'release/amapola');
const resultsDir = join(repo, 'bench/results');

const STARTUP_TIMEOUT_MS = 30_000;
const DEMO_TIMEOUT_MS = 180_000;

/** Asks the kernel for a free port, so parallel runs and a dev server on :3000 don't collide. */
function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Runs `amapola demo`; it is idempotent, so a second benchmark on the same database is cheap. */
function seedDemo(env, log) {
  return new Promise((done, fail) => {
    const child = spawn(binary, ['demo'], { env, stdio: ['ignore', log, log] });
    const timer = setTimeout(() => child.kill('SIGKILL'), DEMO_TIMEOUT_MS);
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      code === 0 ? done() : fail(new Error(`amapola demo failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Resident memory of a process in bytes: `current` (VmRSS) and `peak` (VmHWM) since it started. */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))[1]) * 1024;
  return { current: kib('VmRSS'), peak: kib('VmHWM') };
}

/**
 * Seeds the demo into `databaseUrl`, starts `amapola serve`, waits for /health, runs
 * `body({ base, pid, crash })` and stops the server whatever happens (`crash()` kills it with
 * SIGKILL and starts another on the same port and database). Server output goes to
 * bench/results/<name>.log, whose tail is printed when something fails.
 */
export async function withServer(name, databaseUrl, body) {
  mkdirSync(resultsDir, { recursive: true });
  const logPath = join(resultsDir, `${name}.log`);
  const log = openSync(logPath, 'w');

  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AMAPOLA_ADDR: `127.0.0.1:${port}`,
    // .ci/build-site writes here whatever CARGO_TARGET_DIR says.
    AMAPOLA_SITE_ROOT: join(repo, 'target/site'),
    // A RUST_LOG=debug left in the shell would log every request and skew the figures.
    RUST_LOG: process.env.BENCH_RUST_LOG ?? 'warn',
    // Keeps a startup error to its message; panics still follow RUST_BACKTRACE.
    RUST_LIB_BACKTRACE: '0',
  };
  let server;
  // A Ctrl-C must not leave a server holding the port and the database.
  const interrupted = () => {
    server?.kill('SIGKILL');
    process.exit(130);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  const base = `http://127.0.0.1:${port}`;
  const start = async () => {
    server = spawn(binary, ['serve'], { env, stdio: ['ignore', log, log] });
    const exited = new Promise((_, fail) =>
      server.once('exit', (code, signal) => fail(new Error(`server exited early (${signal ?? `exit ${code}`})`))),
    );
    exited.catch(() => {}); // only awaited while starting; a later exit shows up as request errors
    await Promise.race([waitForHealth(base), exited]);
  };
  // SIGKILL, as a power cut or the kernel's OOM killer would, then a new server on the same
  // port and database; resolves once it answers /health.
  const crash = async () => {
    const gone = new Promise((done) => server.once('exit', done));
    server.kill('SIGKILL');
    await gone;
    await start();
    return server.pid;
  };
  try {
    await seedDemo(env, log);
    await start();
    return await body({ base, pid: server.pid, crash });
  } catch (error) {
    const tail = readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
    error.message += `\n--- last lines of ${logPath} ---\n${tail}`;
    throw error;
  } finally {
    if (server && server.exitCode === null && server.signalCode === null) {
      const gone = new Promise((done) => server.once('exit', done));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    }
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    closeSync(log);
  }
}

/** For the scripts' top level: the message (with the server log tail), without a stack trace. */
export function reportFailure(error) {
  console.error(`benchmark failed: ${error.message}`);
  process.exitCode = 1;
}

async function waitForHealth(base) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no healthy server at ${base} after ${STARTUP_TIMEOUT_MS / 1000} s`);
}
