import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n';

/**
 * The last line of defence: if rendering throws outside react-admin's own page-level boundary,
 * show a readable message (in the console's language) and a reload button, never a blank page.
 */
export default class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Kaoping console error', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" style={{ padding: 48, maxWidth: 640, fontFamily: 'sans-serif' }}>
        <h1 style={{ fontSize: 24 }}>{t('kaoping.error.boundary_title')}</h1>
        <p>{t('kaoping.error.boundary_body')}</p>
        <pre style={{ whiteSpace: 'pre-wrap', color: '#a00', fontSize: 13 }}>{this.state.error.message}</pre>
        <button type="button" onClick={() => window.location.reload()} style={{ padding: '8px 16px', fontSize: 16 }}>
          {t('kaoping.error.reload')}
        </button>
      </div>
    );
  }
}
