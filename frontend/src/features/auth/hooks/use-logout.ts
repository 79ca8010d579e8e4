import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { clearToken } from '@/lib/auth-token';
import { logout } from '../api/logout';

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(() => {
    // The server ends the session; the browser forgets the token whether or not that call succeeds.
    void logout().catch(() => undefined);
    clearToken();
    queryClient.clear();
    void navigate('/login', { replace: true });
  }, [queryClient, navigate]);
}
