// One group: its settings, then its weighted tree with live max points, node forms and previews.
import type { Problem } from '@kaoping/shared';
import { Box } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import { maxPointsOf, type TreeNode } from '../tree';
import GroupSettings from './GroupSettings';
import NodeRow, { GRID, type TreeUi } from './NodeRow';

interface Props {
  groupIndex: number;
  code: string;
  kind?: string;
  root: TreeNode;
  precision: number;
  nodeProblems: Map<string, Problem[]>;
}

const TreePanel = ({ groupIndex, code, kind, root, precision, nodeProblems }: Props) => {
  const translate = useTranslate();
  const [open, setOpen] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const maxPoints = useMemo(() => maxPointsOf(root), [root]);
  const pointer = `/groups/${groupIndex}/root`;
  const ui: TreeUi = {
    root,
    maxPoints,
    precision,
    member: kind === 'MEMBER',
    nodeProblems,
    open,
    setOpen,
    preview,
    setPreview,
  };
  return (
    <Box>
      <GroupSettings pointer={`/groups/${groupIndex}`} code={code} />
      <Box sx={{ overflowX: 'auto' }}>
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: GRID,
            gap: 1,
            py: 1,
            borderBottom: '2px solid',
            borderColor: 'divider',
            fontWeight: 600,
            fontSize: 14,
          }}
        >
          <span>{translate('kaoping.scheme.node')}</span>
          <span>{translate('kaoping.scheme.weight')}</span>
          <span>{translate('kaoping.scheme.max_points')}</span>
          <span>{translate('kaoping.scheme.method')}</span>
          <span>{translate('kaoping.scheme.params')}</span>
          <span />
        </Box>
        <NodeRow node={root} pointer={pointer} rel="" depth={0} index={0} count={1} ui={ui} />
      </Box>
    </Box>
  );
};

export default TreePanel;
