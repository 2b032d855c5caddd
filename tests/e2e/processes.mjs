// @ts-check
/**
 * Ports and process groups for the e2e harness (harness.mjs): free ports on 127.0.0.1, which
 * process listens on which port (read from /proc, so Linux only), and the process groups the
 * harness starts — recorded in `$KAIZEN_E2E_PGID_DIR` (set by `tests/e2e/run`) so the runner can
 * stop them even if the test process was killed, and killed from an exit handler when the test
 * process ends with them still running.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Whether `port` on 127.0.0.1 can be listened on right now.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function canListen(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * A TCP port on 127.0.0.1 that nothing listens on now. Picked at random below Linux's ephemeral
 * range (32768+), so outgoing connections are unlikely to take it before it is used; whoever uses
 * it must still check that it got it (launchApp does).
 * @param {{ exclude?: number[] }} [options]
 */
export async function freePort({ exclude = [] } = {}) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!exclude.includes(port) && (await canListen(port))) return port;
  }
  throw new Error('freePort: no free port found in 20000-31999');
}

/**
 * Live (not zombie) processes of a process group, from /proc.
 * @param {number} pgid
 * @returns {{ pid: number, ppid: number, comm: string }[]}
 */
export function groupMembers(pgid) {
  /** @type {{ pid: number, ppid: number, comm: string }[]} */
  const members = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses.
    const close = stat.lastIndexOf(')');
    const [state, ppid, pgrp] = stat.slice(close + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') {
      members.push({ pid: Number(entry), ppid: Number(ppid), comm: stat.slice(stat.indexOf('(') + 1, close) });
    }
  }
  return members;
}

/**
 * The ports that process `pid` listens on (TCP, IPv4 and IPv6), from /proc.
 * @param {number} pid
 */
export function listeningPorts(pid) {
  /** @type {Set<string>} */
  const inodes = new Set();
  try {
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match) inodes.add(match[1]);
      } catch {
        // fd closed meanwhile
      }
    }
  } catch {
    return new Set();
  }
  /** @type {Set<number>} */
  const ports = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // sl local_address rem_address st ... inode(9); st 0A = LISTEN
      if (fields.length > 9 && fields[3] === '0A' && inodes.has(fields[9])) {
        ports.add(parseInt(fields[1].split(':')[1], 16));
      }
    }
  }
  return ports;
}

/** Process groups started here and not yet stopped. @type {Set<number>} */
const liveGroups = new Set();

/** @param {number} pgid */
export function recordGroup(pgid) {
  liveGroups.add(pgid);
  const dir = process.env.KAIZEN_E2E_PGID_DIR;
  if (dir) fs.writeFileSync(path.join(dir, String(pgid)), `${process.pid}\n`);
}

/**
 * The record in `$KAIZEN_E2E_PGID_DIR` stays: the runner also waits there for the group's
 * zombies to be reaped (tauri-driver kills WebKitWebDriver without waiting for it, so init reaps
 * it, which takes a moment on some machines).
 * @param {number} pgid
 */
function forgetGroup(pgid) {
  liveGroups.delete(pgid);
}

/**
 * @param {number} pgid
 * @param {NodeJS.Signals} signal
 */
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // no such group any more
  }
}

/**
 * Waits until a process group has no live members; false if some are still there after `ms`.
 * @param {number} pgid
 * @param {number} ms
 */
async function groupGone(pgid, ms) {
  const deadline = Date.now() + ms;
  while (groupMembers(pgid).length > 0) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/**
 * Stops a process group: SIGTERM, then SIGKILL for whatever is left after `graceMs`.
 * @param {number} pgid
 * @param {number} [graceMs]
 */
export async function stopGroup(pgid, graceMs = 3_000) {
  signalGroup(pgid, 'SIGTERM');
  if (!(await groupGone(pgid, graceMs))) {
    signalGroup(pgid, 'SIGKILL');
    if (!(await groupGone(pgid, 5_000))) throw new Error(`process group ${pgid} still running after SIGKILL`);
  }
  forgetGroup(pgid);
}

let exitHandlersInstalled = false;

/** Kills every group still running when this process ends, however it ends. */
export function installExitHandlers() {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  const killAll = () => {
    for (const pgid of liveGroups) {
      signalGroup(pgid, 'SIGKILL');
      forgetGroup(pgid);
    }
  };
  process.on('exit', killAll);
  for (const [signal, code] of /** @type {const} */ ([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ])) {
    process.once(signal, () => {
      killAll();
      process.exit(code);
    });
  }
}

/**
 * @param {string} file
 */
export function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * @param {string} name
 */
export function findOnPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/**
 * The last lines of a log file, for error messages.
 * @param {string} file
 * @param {number} [lines]
 */
export function tail(file, lines = 20) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * @param {string} file
 */
export function safeRealpath(file) {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}
