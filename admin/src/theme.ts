import { defaultTheme } from 'react-admin';

export const theme = {
  ...defaultTheme,
  palette: { ...defaultTheme.palette, primary: { main: '#1f4e8c' }, secondary: { main: '#1f4e8c' } },
  typography: {
    fontFamily: ['-apple-system', '"PingFang SC"', '"Microsoft YaHei"', '"Noto Sans CJK SC"', 'Roboto', 'sans-serif'].join(','),
  },
};
