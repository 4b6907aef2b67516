import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './global.css';
import { Root } from './shell/Root';
import { installStyleNonce } from './shell/styleNonce';

dayjs.locale('zh-cn');
// Before the first render: antd's first <style> is written during it.
installStyleNonce();

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
