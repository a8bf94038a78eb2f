import LockIcon from '@mui/icons-material/Lock';
import { Avatar, Box, Button, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  LocalesMenuButton,
  Login,
  PasswordInput,
  TextInput,
  required,
  useLogin,
  useNotify,
  useTranslate,
} from 'react-admin';
import type { LoginParams } from '../authProvider';
import Spinner from '../layout/Spinner';

const LoginForm = () => {
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();
  const [loading, setLoading] = useState(false);

  const submit = (values: Record<string, unknown>) => {
    setLoading(true);
    login(values as unknown as LoginParams).catch((error: Error) => {
      setLoading(false);
      notify(error?.message || 'ra.auth.sign_in_error', { type: 'error' });
    });
  };

  return (
    <Form onSubmit={submit}>
      <CardContent sx={{ minWidth: 320 }}>
        <Typography variant="h6" align="center" gutterBottom>
          {translate('kaoping.login.title')}
        </Typography>
        <TextInput
          source="email"
          label="kaoping.login.email"
          type="email"
          autoComplete="username"
          autoFocus
          validate={required()}
          fullWidth
        />
        <PasswordInput
          source="password"
          label="kaoping.login.password"
          autoComplete="current-password"
          validate={required()}
          fullWidth
        />
        <TextInput
          source="tenant"
          label="kaoping.login.tenant"
          helperText="kaoping.login.tenant_help"
          autoComplete="organization"
          fullWidth
        />
        <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth sx={{ mt: 2 }}>
          {loading ? <Spinner size={22} thickness={3} /> : translate('ra.auth.sign_in')}
        </Button>
        <Box sx={{ display: 'flex', justifyContent: 'center', mt: 1 }}>
          <LocalesMenuButton />
        </Box>
      </CardContent>
    </Form>
  );
};

const LoginPage = () => (
  <Login
    avatarIcon={
      <Avatar sx={{ bgcolor: 'primary.main' }}>
        <LockIcon />
      </Avatar>
    }
  >
    <LoginForm />
  </Login>
);

export default LoginPage;
