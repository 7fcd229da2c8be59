'use strict';
// node --expose-gc master.js --port P
// pomelo-admin 1.0.1's master console with the same bench module as ours, "bench" (masterHandler counts the
// monitors' notifies), and pomelo 2.2.7's console module (__console__: the client's list asks every registered monitor
// and answers when all replied) and watchdog (__masterwatcher__), as ours has its own. Same commands as
// Pomelo.Akka.Bench's master verb.
const c = require('./lib/common');

const args = c.args();
const port = Number(args.port);
const admin = c.pomeloAdmin(args['log-level']);

const ADMIN = { id: 'user-1', username: 'admin', password: 'admin', level: 1 };
const master = admin.createMasterConsole({
  port: port,
  // One admin user, as adminUser.json would hold; no adminServer.json, so every monitor is accepted.
  authUser: function (msg, env, cb) {
    cb(msg.username === ADMIN.username && msg.password === ADMIN.password ? ADMIN : null);
  },
});

// Membership: pomelo's master raises 'disconnect' when a monitor's socket closes; it has no failure detector. This
// listener is added before the watchdog's, so the time is the event's own, not the time after the watchdog's removal
// request to every subscriber went out.
const down = {};
function downOf(id) {
  if (!down[id]) {
    let resolve;
    const promise = new Promise(function (r) { resolve = r; });
    down[id] = { promise: promise, resolve: resolve, ns: 0 };
  }
  return down[id];
}
master.on('disconnect', function (id) {
  const d = downOf(id);
  if (!d.ns) {
    d.ns = c.nowNs();
    d.resolve(d.ns);
  }
});

// The first arrival and every 64th are stamped (lastStamped: the count at the last stamp), as our master's counter
// does (bench/Pomelo.Akka.Bench/Nodes/BenchModules.cs): the rate needs no clock read per message.
const notify = { count: 0, firstNs: 0, lastNs: 0, lastStamped: 0 };
master.register('bench', {
  masterHandler: function (agent, msg, cb) {
    if (msg) {
      const n = ++notify.count;
      if (n === 1 || n % 64 === 0) {
        const now = c.nowNs();
        if (n === 1) {
          notify.firstNs = now;
        }
        notify.lastNs = now;
        notify.lastStamped = n;
      }
    }
  },
});

// pomelo's own __console__ (from pomelo 2.2.7): the client's list fans out to every monitor.
const consoleModule = c.pomeloConsole();
master.register(consoleModule.moduleId, consoleModule({}));

// pomelo's own watchdog (from pomelo 2.2.7), with the little of a pomelo application it reads: the master's id, the
// configured servers (none: its startOver count is 0, and only a monitor's 'record', which no bench monitor sends, would
// use it) and the start time (logged with startOver).
const masterWatcher = c.pomeloWatcher('master');
const masterApp = {
  serverId: 'master',
  startTime: Date.now(),
  getServerId: function () { return this.serverId; },
  getServersFromConfig: function () { return {}; },
};
master.register(masterWatcher.moduleId, masterWatcher({ app: masterApp }, master));

function monitorCount() {
  return Object.keys(master.agent.idMap).length;
}

/** Waits until at least (or, when exact, exactly) `count` monitors are registered. */
async function waitServers(cmd) {
  const count = cmd.count === undefined ? 1 : cmd.count;
  const done = function (n) { return cmd.exact ? n === count : n >= count; };
  const deadline = c.nowNs() + (cmd.timeoutMs || 30000) * 1e6;
  while (!done(monitorCount()) && c.nowNs() < deadline) {
    await c.delay(10);
  }
  if (!done(monitorCount())) {
    throw new Error(monitorCount() + ' servers, not ' + count + ', after ' + cmd.timeoutMs + ' ms');
  }
  return { count: monitorCount() };
}

/** Keeps `inflight` requests to one monitor in flight (closed loop) for the duration. */
function loop(target, inflight, durationMs) {
  return new Promise(function (resolve) {
    const agent = master.agent;
    const start = c.nowNs();
    const deadline = start + durationMs * 1e6;
    const samples = [];
    let errors = 0;
    let active = inflight;
    function one() {
      const t0 = c.nowNs();
      if (t0 >= deadline) {
        if (--active === 0) {
          resolve({ samples: samples, errors: errors, elapsedNs: c.nowNs() - start });
        }
        return;
      }
      agent.request(target, 'bench', null, function (err) {
        if (err) {
          errors++;
        } else {
          samples.push(c.nowNs() - t0);
        }
        one();
      });
    }
    for (let i = 0; i < inflight; i++) {
      one();
    }
  });
}

async function reqreply(cmd) {
  const target = cmd.target || 'm-0';
  const inflight = cmd.inflight || 1;
  if (cmd.warmupMs > 0) {
    await loop(target, inflight, cmd.warmupMs);
  }
  const r = await loop(target, inflight, cmd.durationMs || 2000);
  const result = c.latency(r.samples);
  result.count = r.samples.length;
  result.errors = r.errors;
  result.seconds = r.elapsedNs / 1e9;
  result.rate = Math.round(r.samples.length / (r.elapsedNs / 1e9));
  return result;
}

async function notifyStats(cmd) {
  const expect = cmd.expect || 0;
  const deadline = c.nowNs() + (cmd.timeoutMs || 15000) * 1e6;
  let last = -1;
  let lastChange = c.nowNs();
  while (notify.count < expect && c.nowNs() < deadline) {
    const now = c.nowNs();
    if (notify.count !== last) {
      last = notify.count;
      lastChange = now;
    } else if (now - lastChange > 1e9) {
      break;
    }
    await c.delay(5);
  }
  return { count: notify.count, firstNs: notify.firstNs, lastNs: notify.lastNs, stamped: Math.max(0, notify.lastStamped - 1) };
}

function memory() {
  for (let i = 0; i < 3; i++) {
    global.gc();
  }
  return { rss: c.rssBytes(), heap: process.memoryUsage().heapUsed, threads: c.threads() };
}

async function awaitDown(cmd) {
  const d = downOf(cmd.member);
  const timeout = cmd.timeoutMs || 10000;
  let timer;
  const ns = await Promise.race([d.promise, new Promise(function (r) { timer = setTimeout(function () { r(0); }, timeout); })]);
  clearTimeout(timer);
  return ns ? { detected: true, ns: ns } : { detected: false, waitedMs: timeout };
}

master.start(function (err) {
  if (err) {
    process.stderr.write('master failed to start: ' + err + '\n');
    process.exit(1);
  }
  c.event('ready', { port: port, pid: process.pid, side: 'pomelo' });
  c.serve({
    'wait-servers': waitServers,
    'reqreply': reqreply,
    'notify-reset': function () { notify.count = 0; notify.firstNs = 0; notify.lastNs = 0; notify.lastStamped = 0; return {}; },
    'notify-stats': notifyStats,
    'mem': memory,
    'await-down': awaitDown,
    'fp': function () { return { falsePositives: null, note: 'pomelo-admin has no failure detector' }; },
    'expect-leave': function () { return {}; },
    'exit': function () { return {}; },
  }, function () { master.stop(); });
});
