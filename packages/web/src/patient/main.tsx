/** @jsxImportSource preact */
import { render } from 'preact';
import { App } from './app.tsx';
import { ROUTES } from './routes.tsx';
import { localPath, matchPath } from './shared/router.ts';
import './patient.css';

const root = document.getElementById('root');
// The server drew the page's frame and first screen into #root. Wait for this address's page code
// (already on its way: the HTML names it for preloading) so that the first render takes those
// elements over instead of clearing the screen and drawing it again.
const here = localPath(window.location.pathname);
const route = ROUTES.find((r) => matchPath(r.path, here));
const ready = route?.preload ? route.preload().catch(() => undefined) : Promise.resolve();
if (root) void ready.then(() => render(<App />, root));
