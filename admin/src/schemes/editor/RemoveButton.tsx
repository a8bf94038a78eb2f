import DeleteIcon from '@mui/icons-material/Delete';
import { IconButton, Tooltip } from '@mui/material';
import { useState } from 'react';
import { Confirm, useTranslate } from 'react-admin';

/** A remove icon that asks first ("remove X?"), then calls `onRemove`. */
const RemoveButton = ({
  what,
  content,
  onRemove,
  testId,
}: {
  what: string;
  content?: string;
  onRemove: () => void;
  testId?: string;
}) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const label = translate('kaoping.schemeEditor.remove_what', { what });
  return (
    <>
      <Tooltip title={label}>
        <IconButton size="small" aria-label={label} onClick={() => setOpen(true)} data-testid={testId}>
          <DeleteIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Confirm
        isOpen={open}
        title={label}
        content={content ?? translate('kaoping.schemeEditor.remove_content')}
        onConfirm={() => {
          setOpen(false);
          onRemove();
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

export default RemoveButton;
