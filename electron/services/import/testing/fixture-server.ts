import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureRoute {
  status?: number;
  type?: string;
  body?: string | Uint8Array;
  /** Answers with a redirect to this path instead. */
  redirect?: string;
  /** Waits this long before answering. */
  delayMs?: number;
}

export interface FixtureServer {
  /** The server's base address, `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly port: number;
  /** The path of every request answered so far, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  /** The address to listen on: 127.0.0.1 unless told. */
  host?: string;
  /** The port to listen on: one the system picks unless told. */
  port?: number;
}

/** A web server on 127.0.0.1 answering fixed routes (404 for the rest), as a news site would for the import tests. */
export async function startFixtureServer(routes: Record<string, FixtureRoute>, options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const host = options.host ?? '127.0.0.1';
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '/');
    const route = routes[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    const answer = () => {
      if (!route) {
        response
          .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
          .end('<!doctype html><title>Not found</title><p>Not found</p>');
        return;
      }
      if (route.redirect) {
        response.writeHead(route.status ?? 302, { location: route.redirect }).end();
        return;
      }
      response.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'text/html; charset=utf-8' }).end(route.body ?? '');
    };
    if (route?.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: one the system just gave out and took back. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
