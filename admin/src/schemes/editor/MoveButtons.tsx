import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import { IconButton, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Up/down among siblings; a button is disabled at its end of the list. */
const MoveButtons = ({
  what,
  index,
  count,
  onMove,
}: {
  what: string;
  index: number;
  count: number;
  onMove: (delta: number) => void;
}) => {
  const translate = useTranslate();
  const up = translate('kaoping.schemeEditor.move_up', { what });
  const down = translate('kaoping.schemeEditor.move_down', { what });
  return (
    <>
      <Tooltip title={up}>
        <span>
          <IconButton size="small" aria-label={up} disabled={index <= 0} onClick={() => onMove(-1)}>
            <ArrowUpwardIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title={down}>
        <span>
          <IconButton size="small" aria-label={down} disabled={index >= count - 1} onClick={() => onMove(1)}>
            <ArrowDownwardIcon fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
    </>
  );
};

export default MoveButtons;
