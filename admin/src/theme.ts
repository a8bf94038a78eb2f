import { defaultTheme } from 'react-admin';

export const theme = {
  ...defaultTheme,
  // warning and error a shade darker than MUI's, so their text (chips, buttons) reads at 4.5:1 on white and grey
  palette: { ...defaultTheme.palette, primary: { main: '#1f4e8c' }, secondary: { main: '#1f4e8c' }, warning: { main: '#b45309' }, error: { main: '#c62828' } },
  components: {
    ...defaultTheme.components,
    // react-admin's own spinners (page loading) carry no name; ours use layout/Spinner (translated)
    MuiCircularProgress: { defaultProps: { 'aria-label': '加载中 Loading' } },
    // a list never widens the page (phones): its table scrolls inside the list's card
    RaList: { styleOverrides: { root: { '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto' } } } },
    RaShow: { styleOverrides: { root: { '& .RaShow-main': { minWidth: 0 } } } },
    // react-admin greys an empty list's message by opacity, below the contrast text needs
    RaEmpty: { styleOverrides: { root: { '& .RaEmpty-message': { opacity: 1 } } } },
  },
  typography: {
    fontFamily: ['-apple-system', '"PingFang SC"', '"Microsoft YaHei"', '"Noto Sans CJK SC"', 'Roboto', 'sans-serif'].join(','),
  },
};
