// A process answers for a name while it runs (server/presence.ts): what tells a live import or bulk
// load from one whose process was killed, without trusting its pid.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { answerAs, answers } from '../../server/presence.js';

describe('presence', () => {
  it('when a process answers for a name, then it is found until it stops answering, and only under that name', async () => {
    const name = randomUUID();
    expect(await answers(name)).toBe(false);
    const stop = await answerAs(name);
    expect(await answers(name)).toBe(true);
    expect(await answers(`${name}-other`)).toBe(false);
    await stop();
    expect(await answers(name)).toBe(false);
  });

  it('when the process that answers is killed, then nobody answers, though its pid may linger', async () => {
    const name = randomUUID();
    const child = spawn(join('node_modules', '.bin', 'tsx'), ['-e', `import('./server/presence.ts').then(p => p.answerAs(${JSON.stringify(name)})).then(() => { console.log('ready'); setInterval(() => {}, 1000); })`], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>(done => child.stdout.on('data', chunk => String(chunk).includes('ready') && done()));
    expect(await answers(name)).toBe(true);
    const closed = new Promise(done => child.once('close', done));
    process.kill(-child.pid!, 'SIGKILL');
    await closed;
    expect(await answers(name)).toBe(false);
  }, 30_000);
});
