import type { IncomingMessage, ServerResponse } from 'node:http';

/** Server-Sent Events to every open preview page: "building", then "built" (the page reloads). */
export class LiveReload {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat = setInterval(() => this.broadcast(': keep-alive\n\n'), 25_000);

  constructor() {
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  handle(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    // After a server restart the page reconnects within a second.
    response.write('retry: 1000\n\n');
    this.clients.add(response);
    request.on('close', () => this.clients.delete(response));
  }

  send(event: string, data: unknown): void {
    this.broadcast(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private broadcast(chunk: string): void {
    for (const client of this.clients) client.write(chunk);
  }
}
