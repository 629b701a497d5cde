import { notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isWorthRetrying } from './api/api-error.ts';
import { App } from './app.tsx';
import './styles/base.css';
import './styles/header.css';
import './styles/controls.css';
import './styles/start.css';
import './styles/facet.css';
import './styles/results.css';
import './styles/reader.css';
import './styles/tray.css';
import './styles/quote.css';

// Query results reach React in the task that received them, not a timer later: a timer lets the
// browser paint a frame in between, and the new results then wait for the next one.
notifyManager.setScheduler((callback) => queueMicrotask(callback));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A bad query or a missing document stays bad; a dropped connection may not.
      retry: (failureCount, error) => isWorthRetrying(error) && failureCount < 1,
      // The archive changes only on reindex; refetching on every tab switch is noise.
      refetchOnWindowFocus: false,
    },
  },
});

// Views restore their own scroll position once their content is on screen.
window.history.scrollRestoration = 'manual';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
