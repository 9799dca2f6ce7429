// The pages of the web app, each route to the file that renders it; createApp (app/serve.ts) puts
// the host check, the security headers and the time budget around them.
import { Hono, type Context } from 'hono';
import type { Store } from '../../store/store.js';
import { h } from '../html.js';
import { CSS, JS, layout } from './layout.js';
import { showOverview } from './overview.js';
import { showSearch } from './search.js';
import { showUnit } from './unit.js';
import { showBulletin } from './bulletin.js';
import { showCompare } from './compare.js';

export function createPages(db: Store, pageChars: number): Hono {
  const app = new Hono();
  app.get('/app.css', (c) => c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' }));
  app.get('/app.js', (c) => c.body(JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'max-age=3600' }));
  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.get('/', (c) => showOverview(db, c));
  app.get('/search', (c) => showSearch(db, c));
  app.get('/unit/:name', (c) => showUnit(db, c));
  app.get('/bulletin/:id', (c) => showBulletin(db, pageChars, c));
  app.get('/compare', (c) => showCompare(db, c));

  app.notFound((c) => c.html(layout('未找到', h`<h1>页面不存在</h1><p><a href="/">回到概览</a></p>`), 404));
  app.onError((e, c: Context) => {
    // work stopped by its budget or its client's leaving has been answered already
    if (e.name !== 'AbortError') process.stderr.write(`zhenggai serve: ${c.req.method} ${c.req.path}: ${e.stack ?? e}\n`);
    return c.html(layout('出错了', h`<h1>出错了</h1><p class="muted">服务器处理这个请求时出错。</p>`), 500);
  });
  return app;
}
