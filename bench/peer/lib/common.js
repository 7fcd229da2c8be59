'use strict';
// What the peer's master, monitors and client processes share: the orchestrator's line protocol (the same as
// Pomelo.Akka.Bench's BenchIo: "@bench {json}" lines on stdout, one JSON command per line on stdin, exit when stdin
// closes), the monotonic clock, latency percentiles, memory readings, and pomelo-admin loaded from scratch/.
const fs = require('fs');
const path = require('path');
const util = require('util');
const readline = require('readline');

// Every log line (pomelo-logger's console appender, pomelo-admin's console.log) goes to stderr; stdout carries the protocol.
console.log = function () { process.stderr.write(util.format.apply(util, arguments) + '\n'); };
console.info = console.log;
console.warn = console.log;

const SCRATCH = path.join(__dirname, '..', 'scratch', 'node_modules');
const MARKER = '@bench ';

function requireScratch(name) {
  try {
    return require(path.join(SCRATCH, name));
  } catch (e) {
    process.stderr.write('cannot load ' + name + ' from ' + SCRATCH + ' (run bench/peer/install.sh): ' + e.message + '\n');
    process.exit(3);
  }
}

/** pomelo-admin 1.0.1, with pomelo-logger at the same level as our nodes (warnings and errors only). */
function pomeloAdmin(level) {
  const logger = requireScratch('pomelo-logger');
  logger.configure({ appenders: [{ type: 'console' }], levels: { '[all]': level || 'WARN' } });
  return requireScratch('pomelo-admin');
}

/**
 * pomelo 2.2.7's console module (lib/modules/console.js, module id __console__), for the list scenario: its client
 * handler asks every registered monitor {signal:'list'} and its monitor handler answers with the process figures.
 * Neither needs a pomelo application for `list`.
 */
function pomeloConsole() {
  return requireScratch('pomelo/lib/modules/console');
}

/**
 * pomelo 2.2.7's watchdog, as a pomelo application registers it on every node by default (lib/util/moduleUtil.js,
 * registerDefaultModules): `master` gives lib/modules/masterwatcher.js (__masterwatcher__: keeps the server map, answers
 * subscribe with it and sends every registration and disconnect to each subscriber as a request), `monitor` gives
 * lib/modules/monitorwatcher.js (__monitorwatcher__: subscribes in its start, applies what the master sends to
 * opts.app). Each is a factory (opts, consoleService) with its moduleId.
 */
function pomeloWatcher(role) {
  return requireScratch('pomelo/lib/modules/' + (role === 'master' ? 'masterwatcher' : 'monitorwatcher'));
}

/**
 * Starts modules one after the other with pomelo 2.2.7's own moduleUtil.startModules (what a pomelo server does once
 * its console has registered); calls back once, with the first error.
 */
function startModules(modules, cb) {
  let called = false;
  requireScratch('pomelo/lib/util/moduleUtil').startModules(modules, function (err) {
    if (!called) {
      called = true;
      cb(err);
    }
  });
}

/**
 * pomelo-admin's MQTT client ends the process (process.exit(0)) when its first connect gets no CONNACK within its
 * timeout (5 s; createMonitorConsole has no option for it): a pomelo server is a process of its own. A bench process
 * holds many monitors, so this makes such a timeout call `onTimeout(id)` and leaves that monitor waiting for its CONNACK,
 * instead of taking every other monitor of the process down with it. A socket that closes before its CONNACK still ends
 * the process, as before.
 */
function countConnectTimeouts(onTimeout) {
  const MqttClient = requireScratch('pomelo-admin/lib/protocol/mqtt/mqttClient');
  const exit = MqttClient.prototype.exit;
  MqttClient.prototype.exit = function () {
    // The timeout path calls exit() with the socket still open; the close path marks the client closed first.
    if (this.closed) {
      return exit.call(this);
    }
    onTimeout(this.id);
  };
}

/** Monotonic nanoseconds (CLOCK_MONOTONIC, the clock .NET's Stopwatch uses on Linux), as a Number. */
function nowNs() {
  return Number(process.hrtime.bigint());
}

function emit(message) {
  process.stdout.write(MARKER + JSON.stringify(message) + '\n');
}

function event(name, fields) {
  const message = Object.assign({}, fields || {});
  message.event = name;
  emit(message);
}

/** Reads commands until stdin closes (then exits); each handler returns (a promise of) the reply fields. */
function serve(handlers, onExit) {
  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', function (line) {
    if (!line.trim()) {
      return;
    }
    let command;
    try {
      command = JSON.parse(line);
    } catch (e) {
      event('bad-command', { line: line, error: e.message });
      return;
    }
    const id = command.id || 0;
    const handler = handlers[command.cmd];
    Promise.resolve()
      .then(function () {
        if (!handler) {
          throw new Error('unknown command ' + command.cmd);
        }
        return handler(command);
      })
      .then(function (reply) {
        reply = reply || {};
        reply.re = id;
        emit(reply);
      }, function (err) {
        emit({ re: id, error: command.cmd + ': ' + (err && err.message || String(err)) });
      })
      .then(function () {
        if (command.cmd === 'exit') {
          finish(onExit);
        }
      });
  });
  rl.on('close', function () { finish(onExit); });
}

let finishing = false;
function finish(onExit) {
  if (finishing) {
    return;
  }
  finishing = true;
  Promise.resolve(onExit && onExit()).then(function () { process.exit(0); }, function () { process.exit(0); });
}

/** --key value / --flag arguments. */
function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) {
      const key = argv[i].slice(2);
      if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
        out[key] = argv[++i];
      } else {
        out[key] = true;
      }
    }
  }
  return out;
}

function round(v) {
  return Math.round(v * 100) / 100;
}

/** Nearest-rank percentiles of nanosecond samples, in microseconds (same as Stats.Latency on our side). */
function latency(samplesNs) {
  const sorted = Float64Array.from(samplesNs).sort();
  const n = sorted.length;
  const pct = function (p) {
    if (n === 0) {
      return null;
    }
    const rank = Math.min(Math.max(Math.ceil(p / 100 * n) - 1, 0), n - 1);
    return round(sorted[rank] / 1000);
  };
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += sorted[i];
  }
  return {
    n: n,
    p50Us: pct(50),
    p90Us: pct(90),
    p99Us: pct(99),
    maxUs: n ? round(sorted[n - 1] / 1000) : null,
    meanUs: n ? round(sum / n / 1000) : null,
  };
}

/** VmRSS of this process in bytes (the same reading the orchestrator documents for ours). */
function rssBytes() {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : process.memoryUsage().rss;
  } catch (e) {
    return process.memoryUsage().rss;
  }
}

/** Threads of this process (for the record; node's are few and fixed). */
function threads() {
  try {
    const m = /Threads:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : -1;
  } catch (e) {
    return -1;
  }
}

function delay(ms) {
  return new Promise(function (resolve) { setTimeout(resolve, ms); });
}

module.exports = { pomeloAdmin, pomeloConsole, pomeloWatcher, startModules, countConnectTimeouts, nowNs, emit, event, serve, args, latency, rssBytes, threads, delay, round };
