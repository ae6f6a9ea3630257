import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

/**
 * Real WebDAV servers on 127.0.0.1 for the sync tests, each started once per test file: nginx
 * (Debian's nginx-light with the dav-ext module, config in ./nginx.conf), `rclone serve webdav`, and
 * the `webdav-server` npm package in this process. `.ci/run` installs nginx and rclone.
 */

export interface DavServer {
  name: ServerName;
  /** The server's root URL, ending in a slash. */
  url: string;
  username: string;
  password: string;
  stop(): Promise<void>;
}

export type ServerName = 'nginx' | 'rclone' | 'webdav-server';

export const USERNAME = 'researcher';
export const PASSWORD = 'app-password-1';

const here = dirname(fileURLToPath(import.meta.url));
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const RCLONE = process.env.RCLONE_PATH ?? '/usr/bin/rclone';

export function startServer(name: ServerName): Promise<DavServer> {
  switch (name) {
    case 'nginx':
      return startNginx();
    case 'rclone':
      return startRclone();
    case 'webdav-server':
      return startWebdavServer();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startNginx(): Promise<DavServer> {
  const dir = mkdtempSync(join(tmpdir(), 'shelfmark-nginx-'));
  for (const sub of ['root', 'tmp/body', 'tmp/proxy', 'tmp/fastcgi', 'tmp/uwsgi', 'tmp/scgi']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'htpasswd'), `${USERNAME}:{PLAIN}${PASSWORD}\n`);
  const port = await freePort();
  const config = readFileSync(join(here, 'nginx.conf'), 'utf8').replaceAll('@@DIR@@', dir).replaceAll('@@PORT@@', String(port));
  writeFileSync(join(dir, 'nginx.conf'), config);
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  return serverProcess('nginx', child, port, dir, () => readFileSync(join(dir, 'error.log'), 'utf8'));
}

async function startRclone(): Promise<DavServer> {
  const dir = mkdtempSync(join(tmpdir(), 'shelfmark-rclone-'));
  mkdirSync(join(dir, 'root'));
  writeFileSync(join(dir, 'rclone.conf'), '');
  const port = await freePort();
  const child = spawn(
    RCLONE,
    ['serve', 'webdav', join(dir, 'root'), '--addr', `127.0.0.1:${port}`, '--user', USERNAME, '--pass', PASSWORD, '--config', join(dir, 'rclone.conf'), '--log-level', 'ERROR'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return serverProcess('rclone', child, port, dir);
}

async function serverProcess(name: ServerName, child: ChildProcess, port: number, dir: string, log?: () => string): Promise<DavServer> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  try {
    await waitForPort(port, exited);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${name} did not start: ${(error as Error).message}\n${stderr}${log ? log() : ''}`);
  }
  return {
    name,
    url: `http://127.0.0.1:${port}/`,
    username: USERNAME,
    password: PASSWORD,
    async stop() {
      process.off('exit', stopOnExit);
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, exited: Promise<number | null>): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`it exited (code ${gone})`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listens on port ${port} after 15 s`);
}

async function startWebdavServer(): Promise<DavServer> {
  // CommonJS package; loaded with require so the unit tests' bundler leaves it alone.
  const { v2: webdav } = createRequire(import.meta.url)('webdav-server') as typeof import('webdav-server');
  const users = new webdav.SimpleUserManager();
  const user = users.addUser(USERNAME, PASSWORD, false);
  const privileges = new webdav.SimplePathPrivilegeManager();
  privileges.setRights(user, '/', ['all']);
  const port = await freePort();
  const server = new webdav.WebDAVServer({
    hostname: '127.0.0.1',
    port,
    httpAuthentication: new webdav.HTTPBasicAuthentication(users, 'Shelfmark tests'),
    privilegeManager: privileges,
    requireAuthentification: true,
  });
  await server.startAsync(port);
  return {
    name: 'webdav-server',
    url: `http://127.0.0.1:${port}/`,
    username: USERNAME,
    password: PASSWORD,
    async stop() {
      await server.stopAsync();
    },
  };
}
