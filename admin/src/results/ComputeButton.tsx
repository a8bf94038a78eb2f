import CalculateIcon from '@mui/icons-material/Calculate';
import { useState } from 'react';
import { Button, Confirm, useNotify, useRedirect, useTranslate } from 'react-admin';
import { codeOf } from '../schemes/api';
import { computeResults } from './api';
import { useResultRights } from './permissions';

/** 计算结果 for a PUBLISHED scheme (ADMIN, ASSESSOR): a new DRAFT run, or the newest one when nothing changed. */
const ComputeButton = ({ schemeId, schemeName }: { schemeId?: string; schemeName?: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const rights = useResultRights();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!rights.compute || !schemeId) return null;
  const run = async () => {
    setBusy(true);
    try {
      const created = await computeResults(schemeId);
      notify('kaoping.result.computed', { type: 'info' });
      setOpen(false);
      redirect('show', 'results', created.id);
    } catch (e) {
      notify(codeOf(e) === 'CONFLICT' ? 'kaoping.result.compute_conflict' : (e as Error).message, { type: 'error' });
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="kaoping.result.compute" onClick={() => setOpen(true)} data-testid="compute-results">
        <CalculateIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={translate('kaoping.result.compute_title', { name: schemeName ?? '' })}
        content={translate('kaoping.result.compute_content')}
        onConfirm={() => void run()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

export default ComputeButton;
