// Must come first: lets antd v5 render with React 19.
import '@ant-design/v5-patch-for-react-19';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';

dayjs.locale('zh-cn');

const container = document.getElementById('root');
if (!container) throw new Error('找不到 #root 元素');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
