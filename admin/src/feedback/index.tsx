// The feedback sheet's route (outside the layout, so it prints alone) and the links to it.
import DescriptionIcon from '@mui/icons-material/Description';
import { lazy, Suspense } from 'react';
import { Button, Loading } from 'react-admin';
import { Link, Route } from 'react-router-dom';
import { has, type Granted } from '../permissions';

const FeedbackPage = lazy(() => import('./FeedbackPage'));

export const feedbackHref = (runId: string, group?: string, subject?: string): string => {
  const q = new URLSearchParams();
  if (group) q.set('group', group);
  if (subject) q.set('subject', subject);
  const s = q.toString();
  return `/feedback/${encodeURIComponent(runId)}${s ? `?${s}` : ''}`;
};

/** <Route>s for a noLayout <CustomRoutes>. */
export const feedbackRoutes = (granted: Granted) => [
  has(granted, 'RESULT_READ') && (
    <Route
      key="feedback"
      path="/feedback/:runId"
      element={
        <Suspense fallback={<Loading />}>
          <FeedbackPage />
        </Suspense>
      }
    />
  ),
];

/** 反馈单: opens the run's feedback sheets (a subject's, when given). */
export const FeedbackButton = ({ runId, group, subject }: { runId: string; group?: string; subject?: string }) => (
  <Button label="feedback.open" component={Link} to={feedbackHref(runId, group, subject)} data-testid="open-feedback">
    <DescriptionIcon />
  </Button>
);
