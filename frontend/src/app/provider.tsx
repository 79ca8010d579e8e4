import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
// 'antd/es/...': 'antd/locale/zh_CN' resolves to the CommonJS build under Vite 8 and silently falls back to English.
import zhCN from 'antd/es/locale/zh_CN';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from '@/lib/query-client';

export interface AppProviderProps {
  children: ReactNode;
  /** Tests pass their own client. */
  queryClient?: QueryClient;
}

export function AppProvider({ children, queryClient }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1d5fbf' } }}>
      <AntdApp>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
