'use strict';
// node client.js --port P --scenario list --count K --warmup W --repeat R --expect N
// pomelo-admin 1.0.1's admin client, logged in as admin, sending pomelo's console list (__console__ {signal:'list'},
// answered by pomelo 2.2.7's console module on the master and the monitors) one at a
// time: W unmeasured, then R batches of K measured; prints one "result" event, then exits.
const c = require('./lib/common');

const args = c.args();
const count = Number(args.count || 100);
const warmup = Number(args.warmup || 10);
const repeat = Number(args.repeat || 1);
const expect = Number(args.expect === undefined ? -1 : args.expect);
const admin = c.pomeloAdmin(args['log-level']);
if ((args.scenario || 'list') !== 'list') {
  process.stderr.write('unknown scenario ' + args.scenario + '\n');
  process.exit(2);
}

const client = new admin.adminClient({ username: 'admin', password: 'admin' });

function list() {
  return new Promise(function (resolve, reject) {
    client.request('__console__', { signal: 'list' }, function (err, body) {
      if (err) {
        reject(new Error(JSON.stringify(err)));
      } else {
        resolve(body && body.msg ? Object.keys(body.msg).length : -1);
      }
    });
  });
}

client.connect('bench-client-' + process.pid, '127.0.0.1', Number(args.port), async function (err) {
  if (err) {
    process.stderr.write('login failed: ' + err + '\n');
    process.exit(1);
  }
  try {
    let servers = -1;
    for (let i = 0; i < warmup; i++) {
      servers = await list();
    }
    if (expect >= 0 && warmup > 0 && servers !== expect) {
      throw new Error('list answered ' + servers + ' servers, expected ' + expect);
    }
    const batches = [];
    for (let r = 0; r < repeat; r++) {
      const samples = [];
      for (let i = 0; i < count; i++) {
        const t0 = c.nowNs();
        servers = await list();
        samples.push(c.nowNs() - t0);
      }
      batches.push(c.latency(samples));
    }
    c.event('result', { servers: servers, batches: batches });
    process.exit(0);
  } catch (e) {
    process.stderr.write('list failed: ' + e.message + '\n');
    process.exit(1);
  }
});
