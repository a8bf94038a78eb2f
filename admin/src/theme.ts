import { defaultTheme } from 'react-admin';

export const theme = {
  ...defaultTheme,
  // warning and error darker than MUI's, so their text (chips, buttons) reads at 4.5:1 on white and on a form toolbar's grey
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#1f4e8c' },
    secondary: { main: '#1f4e8c' },
    warning: { main: '#b45309' },
    error: { main: '#b71c1c' },
  },
  components: {
    ...defaultTheme.components,
    // react-admin's own spinners (page loading) carry no name; ours use layout/Spinner (translated)
    MuiCircularProgress: { defaultProps: { 'aria-label': '加载中 Loading' } },
    // a list never widens the page (phones): its table scrolls inside the list's card
    RaList: {
      styleOverrides: { root: { '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto' } } },
    },
    RaShow: { styleOverrides: { root: { '& .RaShow-main': { minWidth: 0 } } } },
    // react-admin writes an empty list's message in the disabled grey, below the contrast text needs
    RaEmpty: { styleOverrides: { root: { '& .RaEmpty-message': { color: 'rgba(0, 0, 0, 0.6)' } } } },
  },
  typography: {
    fontFamily: [
      '-apple-system',
      '"PingFang SC"',
      '"Microsoft YaHei"',
      '"Noto Sans CJK SC"',
      'Roboto',
      'sans-serif',
    ].join(','),
  },
};
