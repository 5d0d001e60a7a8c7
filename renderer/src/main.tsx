import { render } from 'preact';
import { defaultApiClient } from './app/default-api-client.ts';
import { AppStore } from './app/app-store.ts';
import { installGlobalShortcuts } from './app/global-shortcuts.ts';
import { App } from './components/App.tsx';
import './styles/index.css';

const store = new AppStore(defaultApiClient());
installGlobalShortcuts(store);
const root = document.getElementById('app');
if (!root) throw new Error('index.html lacks the #app element');
render(<App store={store} />, root);
void store.start();
// The host syncs with the team every few minutes; the window asks what it did and shows it.
store.team.start();
