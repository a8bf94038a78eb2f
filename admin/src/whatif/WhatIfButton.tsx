// One click from a scheme's page to its what-if: a DRAFT (next year's clone) over the newest
// published scheme's data, any other scheme over its own.
import ScienceIcon from '@mui/icons-material/Science';
import { useEffect, useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { SchemeRecord } from '../schemes/api';
import { allSchemes, dataSchemeFor } from './api';
import { useCanSimulate } from './permissions';

const WhatIfButton = ({ record }: { record: SchemeRecord }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const allowed = useCanSimulate();
  const [source, setSource] = useState<SchemeRecord | undefined>();
  useEffect(() => {
    if (!allowed || record.status !== 'DRAFT') return;
    let live = true;
    allSchemes()
      .then(list => live && setSource(dataSchemeFor({ id: record.id, status: record.status }, list)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [allowed, record.id, record.status]);
  if (!allowed) return null;
  const to = `/whatif/${encodeURIComponent(record.id)}${source ? `?from=${encodeURIComponent(source.id)}` : ''}`;
  return (
    <Button
      label={source ? translate('kaoping.whatif.button_from', { code: source.code }) : 'kaoping.whatif.button'}
      onClick={() => void navigate(to)}
    >
      <ScienceIcon />
    </Button>
  );
};

export default WhatIfButton;
