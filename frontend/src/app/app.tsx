import { RouterProvider } from 'react-router/dom';
import { setUnauthorizedHandler } from '@/lib/api-client';
import { createQueryClient } from '@/lib/query-client';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

const queryClient = createQueryClient();
const router = createAppRouter();

// An expired or revoked session: forget its data and go back to /login, keeping the page to return to.
setUnauthorizedHandler(() => {
  if (router.state.location.pathname === '/login') return;
  const from = router.state.location.pathname + router.state.location.search;
  queryClient.clear();
  void router.navigate('/login', { replace: true, state: { from } });
});

export function App() {
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
