'use strict';
// node monitors.js --port P --count N --prefix m- --start S --concurrency C [--warm W]
// N pomelo-admin 1.0.1 monitor consoles (ids m-S ... , server type "bench") in one process, each started as a pomelo
// 2.2.7 server starts its monitor: pomelo's watchdog (__monitorwatcher__, which subscribes to the master's map in its
// start), pomelo's console module (answers list) and the bench module (monitorHandler answers {id, pid}); a monitor's
// start is its console's register reply, then its modules' starts. Same commands as Pomelo.Akka.Bench's monitors verb.
// With --warm W, W monitors (ids warm-<prefix><S>-i) start and stop first, before the registration clock starts, as
// the .NET side does. A monitor whose connect outlasts pomelo-admin's 5 s timeout is counted, not the process's end
// (lib/common.js, countConnectTimeouts).
const EventEmitter = require('events').EventEmitter;
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
const monitorWatcher = c.pomeloWatcher('monitor');

// Monitors whose first connect outlasted pomelo-admin's 5 s connect timeout (each of them a pomelo server that would
// have exited); they go on waiting here, and the ready event reports how many there were.
const connectTimeouts = new Set();
c.countConnectTimeouts(function (id) { connectTimeouts.add(id); });

/** How long the monitors may take to start (as the .NET side): those not started by then count as failed. */
const START_TIMEOUT_MS = 120000;

/** The cluster's monitors (MonitorsVerb.ClusterPrefix on the .NET side): the maps are complete when they hold them all. */
const CLUSTER_ID = /^m-[0-9]+$/;

/**
 * The part of a pomelo application that monitorwatcher.js uses, for one monitor: its id, an event emitter, no
 * lifecycle callbacks, and the server map (`servers`, an object by id) that addServers, removeServers and
 * replaceServers keep as pomelo's Application does (its lists by server type left out). Like MapTracker on the .NET
 * side (Nodes/MonitorsVerb.cs), it counts the cluster monitors the map holds and records when each id left it.
 */
function MonitorApp(id) {
  this.serverId = id;
  this.event = new EventEmitter();
  this.lifecycleCbs = {};
  this.servers = Object.create(null);
  this.clusterCount = 0;
  this.removedAt = new Map();
}

MonitorApp.prototype.getServerId = function () {
  return this.serverId;
};

MonitorApp.prototype.addServers = function (servers) {
  for (let i = 0; i < servers.length; i++) {
    this.put(servers[i]);
  }
};

MonitorApp.prototype.removeServers = function (ids) {
  const now = c.nowNs();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (!(id in this.servers)) {
      continue;
    }

    delete this.servers[id];
    if (CLUSTER_ID.test(id)) {
      this.clusterCount--;
    }

    if (!this.removedAt.has(id)) {
      this.removedAt.set(id, now);
    }
  }
};

MonitorApp.prototype.replaceServers = function (servers) {
  this.servers = Object.create(null);
  this.clusterCount = 0;
  for (const id in servers) {
    this.put(servers[id]);
  }
};

MonitorApp.prototype.put = function (server) {
  if (!server || typeof server.id !== 'string') {
    return;
  }

  if (!(server.id in this.servers) && CLUSTER_ID.test(server.id)) {
    this.clusterCount++;
  }

  this.servers[server.id] = server;
};

/** Whether the map holds at least `clusterCount` cluster monitors and every id of `include`. */
MonitorApp.prototype.has = function (clusterCount, include) {
  if (this.clusterCount < clusterCount) {
    return false;
  }

  for (let i = 0; i < include.length; i++) {
    if (!(include[i] in this.servers)) {
      return false;
    }
  }

  return true;
};

/** One monitor: its console, its application stand-in, and its modules in pomelo's order (the watchdog first). */
function createMonitor(id, serverPort) {
  const monitor = admin.createMonitorConsole({
    id: id,
    type: 'bench',
    host: '127.0.0.1',
    port: port,
    info: { id: id, serverType: 'bench', host: '127.0.0.1', port: serverPort },
  });
  const app = new MonitorApp(id);
  const modules = [
    // pomelo's own __monitorwatcher__ and __console__ (from pomelo 2.2.7), registered as pomelo's
    // registerDefaultModules does: the watchdog keeps app's map, the console module answers {signal:'list'}.
    { id: monitorWatcher.moduleId, module: monitorWatcher({ app: app }, monitor) },
    { id: consoleModule.moduleId, module: consoleModule({}) },
    {
      id: 'bench',
      module: {
        monitorHandler: function (agent, msg, cb) {
          cb(null, { id: agent.id, pid: process.pid });
        },
      },
    },
  ];
  modules.forEach(function (m) { monitor.register(m.id, m.module); });
  return { console: monitor, app: app, modules: modules.map(function (m) { return m.module; }) };
}

/**
 * Starts one monitor as pomelo's monitor component does: the console registers with the master (`onRegistered` then
 * runs, at the register reply), then the modules start one after the other — the watchdog's start is its subscribe,
 * answered with the master's whole map. Calls back once that is done.
 */
function startMonitor(m, onRegistered, cb) {
  m.console.start(function (err) {
    if (err) {
      cb(err);
      return;
    }

    onRegistered();
    c.startModules(m.modules, cb);
  });
}

const monitors = [];
const registeredNs = new Array(count).fill(0);
for (let i = 0; i < count; i++) {
  monitors.push(createMonitor(prefix + (first + i), 10000 + first + i));
}

/** Starts `warm` monitors and stops them; resolves once each one's socket closed (or after 5 s). */
function warmUp() {
  const warmers = [];
  for (let i = 0; i < warm; i++) {
    warmers.push(createMonitor('warm-' + prefix + first + '-' + i, 9000 + i));
  }
  return Promise.all(warmers.map(function (m) {
    return new Promise(function (resolve, reject) {
      startMonitor(m, function () {}, function (err) { return err ? reject(err) : resolve(); });
    });
  })).then(function () {
    return Promise.all(warmers.map(function (m) {
      return new Promise(function (resolve) {
        const timer = setTimeout(resolve, 5000);
        m.console.agent.once('close', function () { clearTimeout(timer); resolve(); });
        m.console.stop();
      });
    }));
  });
}

/**
 * Starts every monitor, at most `concurrency` starts in flight (a monitor holds its slot until its modules started, as
 * the .NET side's gate is held over the whole StartAsync); resolves with the number that failed or had not started
 * after START_TIMEOUT_MS.
 */
function startAll() {
  return new Promise(function (resolve) {
    let next = 0;
    let done = 0;
    let failed = 0;
    let finished = false;
    const timer = setTimeout(function () { finish(count - done + failed); }, START_TIMEOUT_MS);
    function finish(n) {
      if (!finished) {
        finished = true;
        clearTimeout(timer);
        resolve(n);
      }
    }
    function launch() {
      if (next >= count || finished) {
        return;
      }
      const i = next++;
      startMonitor(monitors[i], function () { registeredNs[i] = c.nowNs(); }, function (err) {
        if (err) {
          failed++;
        }
        if (++done === count) {
          finish(failed);
        } else {
          launch();
        }
      });
    }
    if (count === 0) {
      finish(0);
    }
    for (let k = 0; k < Math.min(concurrency, count); k++) {
      launch();
    }
  });
}

/** One monitor notifies the master as fast as it can, yielding to the event loop between batches and respecting backpressure. */
function notifyLoop(index, durationMs) {
  return new Promise(function (resolve) {
    const agent = monitors[index].console.agent;
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

/**
 * Waits until every monitor's map holds `clusterCount` cluster monitors and the `include` ids; gives up at the
 * timeout, or earlier when no map has progressed for `stallMs` (the .NET side's MapsWaitAsync, same fields).
 */
async function mapsWait(cmd) {
  const clusterCount = cmd.clusterCount || 0;
  const include = Array.isArray(cmd.include) ? cmd.include : [];
  const timeoutMs = cmd.timeoutMs === undefined ? 30000 : cmd.timeoutMs;
  const stallMs = cmd.stallMs === undefined ? 10000 : cmd.stallMs;
  const start = c.nowNs();
  const deadline = start + timeoutMs * 1e6;
  let progress = -1;
  let progressAt = start;
  for (;;) {
    let ready = 0;
    let known = 0;
    for (let i = 0; i < monitors.length; i++) {
      const app = monitors[i].app;
      if (app.has(clusterCount, include)) {
        ready++;
      }
      known += app.clusterCount;
    }
    const now = c.nowNs();
    if (known !== progress) {
      progress = known;
      progressAt = now;
    }

    const stalled = now - progressAt > stallMs * 1e6;
    const ok = ready === monitors.length;
    if (ok || now >= deadline || stalled) {
      return { ok: ok, ready: ready, of: monitors.length, stalled: stalled, ns: ok ? now : progressAt, waitedMs: (now - start) / 1e6 };
    }

    await c.delay(2);
  }
}

/** Waits until every monitor's map dropped `member` and reports when the first and the last did (RemovedReportAsync). */
async function removedReport(cmd) {
  const id = cmd.member;
  const deadline = c.nowNs() + (cmd.timeoutMs === undefined ? 10000 : cmd.timeoutMs) * 1e6;
  const removed = function (m) { return m.app.removedAt.has(id); };
  while (!monitors.every(removed) && c.nowNs() < deadline) {
    await c.delay(1);
  }

  const times = monitors.filter(removed).map(function (m) { return m.app.removedAt.get(id); });
  return {
    count: times.length,
    of: monitors.length,
    firstNs: times.length === 0 ? 0 : Math.min.apply(null, times),
    lastNs: times.length === 0 ? 0 : Math.max.apply(null, times),
  };
}

let t0 = 0;
warmUp().then(function () {
  t0 = c.nowNs();
  return startAll();
}).then(function (failed) {
  const registered = registeredNs.filter(function (t) { return t > 0; });
  const sorted = registeredNs.slice().sort(function (a, b) { return a - b; });
  c.event('ready', {
    pid: process.pid,
    count: count,
    failed: failed,
    t0Ns: t0,
    lastRegisteredNs: registered.length ? Math.max.apply(null, registered) : 0,
    firstRegisteredNs: registered.length ? Math.min.apply(null, registered) : 0,
    medianRegisteredNs: sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0,
    connectTimeouts: monitors.filter(function (m) { return connectTimeouts.has(m.app.serverId); }).length,
    startedNs: c.nowNs(),
  });
  c.serve({
    'notify': function (cmd) { return notifyLoop(cmd.index || 0, cmd.durationMs || 2000); },
    'maps-wait': mapsWait,
    'removed-report': removedReport,
    'exit': function () { return {}; },
  }, function () {
    monitors.forEach(function (m) { m.console.stop(); });
    return c.delay(100);
  });
}).catch(function (err) {
  console.error('monitors failed to start: ' + (err && err.stack || err));
  process.exit(1);
});
