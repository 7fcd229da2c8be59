'use strict';
// node monitors.js --port P --count N --prefix m- --start S --concurrency C [--warm W]
// N pomelo-admin 1.0.1 monitor consoles (ids m-S ... , server type "bench") in one process, each with the bench
// module (monitorHandler answers {id, pid}) and pomelo 2.2.7's console module (answers list). Same commands as Pomelo.Akka.Bench's monitors verb, except the server
// map ones: pomelo-admin has no watchdog. With --warm W, W monitors (ids warm-<prefix><S>-i) register and stop first,
// before the registration clock starts, as the .NET side does.
const c = require('./lib/common');

const args = c.args();
const port = Number(args.port);
const count = Number(args.count);
const prefix = args.prefix || 'm-';
const first = Number(args.start || 0);
const concurrency = Number(args.concurrency || 500);
const warm = Number(args.warm || 0);
const admin = c.pomeloAdmin(args['log-level']);

const consoleModule = c.pomeloConsole();

function createMonitor(id, serverPort) {
  const monitor = admin.createMonitorConsole({
    id: id,
    type: 'bench',
    host: '127.0.0.1',
    port: port,
    info: { id: id, serverType: 'bench', host: '127.0.0.1', port: serverPort },
  });
  monitor.register('bench', {
    monitorHandler: function (agent, msg, cb) {
      cb(null, { id: agent.id, pid: process.pid });
    },
  });
  // pomelo's own __console__ (from pomelo 2.2.7): answers the master's {signal:'list'} with the process figures.
  monitor.register(consoleModule.moduleId, consoleModule({}));
  return monitor;
}

const monitors = [];
const registeredNs = new Array(count).fill(0);
for (let i = 0; i < count; i++) {
  monitors.push(createMonitor(prefix + (first + i), 10000 + first + i));
}

/** Registers `warm` monitors and stops them; resolves once each one's socket closed (or after 5 s). */
function warmUp() {
  const warmers = [];
  for (let i = 0; i < warm; i++) {
    warmers.push(createMonitor('warm-' + prefix + first + '-' + i, 9000 + i));
  }
  return Promise.all(warmers.map(function (m) {
    return new Promise(function (resolve, reject) {
      m.start(function (err) { return err ? reject(err) : resolve(); });
    });
  })).then(function () {
    return Promise.all(warmers.map(function (m) {
      return new Promise(function (resolve) {
        const timer = setTimeout(resolve, 5000);
        m.agent.once('close', function () { clearTimeout(timer); resolve(); });
        m.stop();
      });
    }));
  });
}

/** Starts every monitor, at most `concurrency` registrations in flight; resolves with the number that failed. */
function startAll() {
  return new Promise(function (resolve) {
    let next = 0;
    let done = 0;
    let failed = 0;
    function launch() {
      if (next >= count) {
        return;
      }
      const i = next++;
      monitors[i].start(function (err) {
        if (err) {
          failed++;
        } else {
          registeredNs[i] = c.nowNs();
        }
        if (++done === count) {
          resolve(failed);
        } else {
          launch();
        }
      });
    }
    for (let k = 0; k < Math.min(concurrency, count); k++) {
      launch();
    }
  });
}

/** One monitor notifies the master as fast as it can, yielding to the event loop between batches and respecting backpressure. */
function notifyLoop(index, durationMs) {
  return new Promise(function (resolve) {
    const agent = monitors[index].agent;
    const connection = agent.socket.socket;
    const stream = connection.stream;
    const start = c.nowNs();
    const deadline = start + durationMs * 1e6;
    let sent = 0;
    function batch() {
      if (c.nowNs() >= deadline) {
        resolve({ sent: sent, failed: 0, seconds: (c.nowNs() - start) / 1e9 });
        return;
      }
      // Packets queued in mqtt-connection's object stream, and bytes queued in the socket.
      const queued = connection._writableState ? connection._writableState.length : 0;
      if (stream.writableLength < (1 << 20) && queued < 1024) {
        for (let k = 0; k < 256; k++) {
          agent.notify('bench', { seq: sent });
          sent++;
        }
      }
      setImmediate(batch);
    }
    batch();
  });
}

let t0 = 0;
warmUp().then(function () {
  t0 = c.nowNs();
  return startAll();
}).then(function (failed) {
  c.event('ready', {
    pid: process.pid,
    count: count,
    failed: failed,
    t0Ns: t0,
    lastRegisteredNs: Math.max.apply(null, registeredNs.length ? registeredNs : [0]),
    startedNs: c.nowNs(),
  });
  c.serve({
    'notify': function (cmd) { return notifyLoop(cmd.index || 0, cmd.durationMs || 2000); },
    'exit': function () { return {}; },
  }, function () {
    monitors.forEach(function (m) { m.stop(); });
    return c.delay(100);
  });
}).catch(function (err) {
  console.error('monitors failed to start: ' + (err && err.stack || err));
  process.exit(1);
});
