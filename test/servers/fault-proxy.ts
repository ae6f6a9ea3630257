import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * A small fault-injecting proxy on 127.0.0.1 in front of a WebDAV server: it forwards every request
 * unchanged, except those matching a rule, which get the rule's fault: an error status (500, 507…),
 * a response body cut off halfway, an upload cut short before it reaches the server, a refused
 * connection, or a request held open until released. It records every request it sees.
 */

export type Fault =
  | { kind: 'status'; status: number }
  | { kind: 'truncate-response' }
  | { kind: 'truncate-upload' }
  | { kind: 'refuse' }
  | { kind: 'hold' };

export interface Rule {
  method?: string;
  /** Matched against the request's path (decoded). */
  path?: RegExp;
  fault: Fault;
  /** How many matching requests get the fault (then the rule is spent); Infinity for all. */
  times?: number;
}

export interface SeenRequest {
  method: string;
  path: string;
  status?: number;
  fault?: Fault['kind'];
}

export interface FaultProxy {
  url: string;
  port: number;
  requests: SeenRequest[];
  add(rule: Rule): void;
  clear(): void;
  /** Refuse every connection (the server looks unreachable) until set back to false. */
  offline: boolean;
  /** Lets held requests go on to the server. */
  release(): void;
  /** Requests being held now. */
  held(): number;
  stop(): Promise<void>;
}

export async function startFaultProxy(target: string, port = 0): Promise<FaultProxy> {
  const upstream = new URL(target);
  const rules: (Rule & { left: number })[] = [];
  const requests: SeenRequest[] = [];
  const holding: (() => void)[] = [];
  const sockets = new Set<Socket>();

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = safeDecode(new URL(req.url ?? '/', 'http://proxy').pathname);
    const seen: SeenRequest = { method: req.method ?? 'GET', path };
    requests.push(seen);
    if (proxy.offline) {
      req.socket.destroy();
      return;
    }
    const body = await readBody(req);
    const rule = rules.find((candidate) => candidate.left > 0 && (!candidate.method || candidate.method === req.method) && (!candidate.path || candidate.path.test(path)));
    if (rule) rule.left--;
    const fault = rule?.fault;
    seen.fault = fault?.kind;

    if (fault?.kind === 'refuse') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      seen.status = fault.status;
      res.writeHead(fault.status, { 'Content-Type': 'text/plain' }).end(`Injected fault ${fault.status}`);
      return;
    }
    if (fault?.kind === 'hold') await new Promise<void>((resolve) => holding.push(resolve));
    const sent = fault?.kind === 'truncate-upload' ? body.subarray(0, Math.floor(body.length / 2)) : body;
    const headers = { ...req.headers, host: upstream.host, 'content-length': String(sent.length) };
    if (sent.length === 0 && req.headers['content-length'] === undefined) delete (headers as Record<string, unknown>)['content-length'];
    delete headers['transfer-encoding'];
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (answer) => {
        seen.status = answer.statusCode;
        if (fault?.kind !== 'truncate-response') {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        void readBody(answer).then((full) => {
          res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'content-length': String(full.length) });
          res.write(full.subarray(0, Math.floor(full.length / 2)));
          // Flush what was written, then cut the connection: the client gets half a body.
          setTimeout(() => res.socket?.destroy(), 20);
        });
      },
    );
    forward.on('error', () => res.socket?.destroy());
    forward.end(sent);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as { port: number }).port;

  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    requests,
    offline: false,
    add(rule) {
      rules.push({ ...rule, left: rule.times ?? 1 });
    },
    clear() {
      rules.length = 0;
    },
    release() {
      for (const resolve of holding.splice(0)) resolve();
    },
    held() {
      return holding.length;
    },
    async stop() {
      proxy.release();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
