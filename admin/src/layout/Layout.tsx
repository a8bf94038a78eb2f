import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import AppBar from './AppBar';
import Menu from './Menu';

const Layout = ({ children }: { children: ReactNode }) => (
  // react-admin sizes the layout to fit its content (min-width: fit-content): a wide table would widen
  // the whole page. Capped at the screen instead, a wide table scrolls inside its own box (phones).
  <RaLayout
    appBar={AppBar}
    menu={Menu}
    sx={{
      minWidth: 0,
      maxWidth: '100vw',
      '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 },
    }}
  >
    {children}
  </RaLayout>
);

export default Layout;
