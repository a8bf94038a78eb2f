// One row of a group's tree (and, below it, its problems, its form and its preview, then its
// children): weight editable in place, live max points, method, and the node's actions.
import type { Problem } from '@kaoping/shared';
import CreateNewFolderIcon from '@mui/icons-material/CreateNewFolder';
import EditIcon from '@mui/icons-material/Edit';
import InsightsIcon from '@mui/icons-material/Insights';
import PostAddIcon from '@mui/icons-material/PostAdd';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Box, Chip, IconButton, Tooltip, Typography } from '@mui/material';
import { Fragment } from 'react';
import { useTranslate } from 'react-admin';
import PreviewPanel from '../PreviewPanel';
import ProblemList from '../ProblemList';
import { formatPoints, insertAt, moveAt, removeAt, splitItem, type TreeNode } from '../tree';
import { useEditor } from './context';
import { newCategory, newIndicator } from './defaults';
import { NumField } from './fields';
import MoveButtons from './MoveButtons';
import NodeForm from './NodeForm';
import RemoveButton from './RemoveButton';
import { methodSummary } from './summary';

export const GRID = 'minmax(240px, 2fr) 110px 90px 110px minmax(160px, 2fr) 230px';

export interface TreeUi {
  root: TreeNode;
  maxPoints: Map<string, number>;
  precision: number;
  member: boolean;
  nodeProblems: Map<string, Problem[]>;
  open: string | null;
  setOpen: (p: string | null) => void;
  preview: string | null;
  setPreview: (p: string | null) => void;
}

interface Props {
  node: TreeNode;
  pointer: string; // the node's JSON Pointer in the definition
  rel: string; // relative to the group's root (max points)
  depth: number;
  index: number;
  count: number;
  ui: TreeUi;
}

const NodeRow = ({ node, pointer, rel, depth, index, count, ui }: Props) => {
  const translate = useTranslate();
  const { editable, change } = useEditor();
  const problems = ui.nodeProblems.get(pointer) ?? [];
  const isIndicator = !!node.method;
  const children = Array.isArray(node.children) ? node.children : [];
  const label = translate('kaoping.fmt.named', { name: node.name ?? '', code: node.code });
  const add = (kind: 'indicator' | 'category') => {
    const fresh =
      kind === 'indicator'
        ? newIndicator(ui.root, translate('kaoping.schemeEditor.new_indicator'))
        : newCategory(
            ui.root,
            translate('kaoping.schemeEditor.new_category'),
            translate('kaoping.schemeEditor.new_indicator'),
          );
    change(d => insertAt(d, `${pointer}/children`, fresh));
    ui.setOpen(`${pointer}/children/${children.length}`);
  };
  const move = (delta: number) => {
    // The new place is known here: the updater below may run later, during React's render.
    const to = index + delta;
    if (to < 0 || to >= count) return;
    change(d => moveAt(d, pointer, delta).doc);
    if (ui.open === pointer) ui.setOpen(`${splitItem(pointer).array}/${to}`);
    ui.setPreview(null);
  };
  return (
    <>
      <Box
        data-testid={`node-${node.code}`}
        sx={{
          display: 'grid',
          gridTemplateColumns: GRID,
          alignItems: 'center',
          gap: 1,
          py: 0.75,
          borderBottom: '1px solid',
          borderColor: 'divider',
          bgcolor: problems.length ? 'rgba(211,47,47,0.05)' : ui.open === pointer ? 'action.hover' : undefined,
        }}
      >
        <Box sx={{ pl: depth * 3 }}>
          <Typography variant="body2" sx={{ fontWeight: isIndicator ? 400 : 600 }}>
            {node.name}{' '}
            {node.unit ? (
              <Typography component="span" variant="caption" color="text.secondary">
                {translate('kaoping.fmt.paren', { text: node.unit })}
              </Typography>
            ) : null}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
            {node.code}
          </Typography>
        </Box>
        <Box>
          {depth > 0 ? (
            <NumField
              pointer={`${pointer}/weight`}
              testId={`weight-${node.code}`}
              label={translate('kaoping.scheme.weight')}
              width={90}
            />
          ) : (
            <Typography variant="body2" data-testid={`weight-${node.code}`}>
              {String(node.weight ?? '')}
            </Typography>
          )}
        </Box>
        <Typography variant="body2" data-testid={`max-${node.code}`} sx={{ fontWeight: 600 }}>
          {formatPoints(ui.maxPoints.get(rel), ui.precision)}
        </Typography>
        <Box>
          {isIndicator ? (
            <Chip
              size="small"
              variant="outlined"
              label={translate(`kaoping.scheme.methods.${node.method!.type}`, { _: String(node.method!.type) })}
            />
          ) : null}
        </Box>
        <Typography variant="body2" sx={{ fontSize: 12, wordBreak: 'break-word' }} data-testid={`summary-${node.code}`}>
          {isIndicator ? methodSummary(node.method, translate) : ''}
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end' }}>
          <Tooltip
            title={translate(editable ? 'kaoping.schemeEditor.edit_node' : 'kaoping.schemeEditor.view_node', {
              what: label,
            })}
          >
            <IconButton
              size="small"
              aria-label={translate(editable ? 'kaoping.schemeEditor.edit_node' : 'kaoping.schemeEditor.view_node', {
                what: node.code,
              })}
              color={ui.open === pointer ? 'primary' : 'default'}
              onClick={() => ui.setOpen(ui.open === pointer ? null : pointer)}
            >
              {editable ? <EditIcon fontSize="small" /> : <VisibilityIcon fontSize="small" />}
            </IconButton>
          </Tooltip>
          {editable && !isIndicator && (
            <>
              <Tooltip title={translate('kaoping.schemeEditor.add_indicator', { what: label })}>
                <IconButton
                  size="small"
                  aria-label={translate('kaoping.schemeEditor.add_indicator', { what: node.code })}
                  onClick={() => add('indicator')}
                >
                  <PostAddIcon fontSize="small" />
                </IconButton>
              </Tooltip>
              <Tooltip title={translate('kaoping.schemeEditor.add_category', { what: label })}>
                <IconButton
                  size="small"
                  aria-label={translate('kaoping.schemeEditor.add_category', { what: node.code })}
                  onClick={() => add('category')}
                >
                  <CreateNewFolderIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </>
          )}
          {editable && depth > 0 && (
            <>
              <MoveButtons what={node.code} index={index} count={count} onMove={move} />
              <RemoveButton
                what={node.code}
                content={translate(
                  isIndicator
                    ? 'kaoping.schemeEditor.remove_indicator_content'
                    : 'kaoping.schemeEditor.remove_category_content',
                  { what: label },
                )}
                onRemove={() => {
                  change(d => removeAt(d, pointer));
                  ui.setOpen(null);
                  ui.setPreview(null);
                }}
              />
            </>
          )}
          {isIndicator && (
            <Tooltip title={translate('kaoping.scheme.preview')}>
              <IconButton
                size="small"
                aria-label={`${translate('kaoping.scheme.preview')} ${node.code}`}
                onClick={() => ui.setPreview(ui.preview === pointer ? null : pointer)}
              >
                <InsightsIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          )}
        </Box>
      </Box>
      {problems.length > 0 && (
        <Box sx={{ pl: depth * 3 + 2 }} data-testid={`problems-${node.code}`}>
          <ProblemList problems={problems} />
        </Box>
      )}
      {ui.open === pointer && (
        <Box sx={{ pl: depth * 3 + 2 }}>
          <NodeForm node={node} pointer={pointer} isRoot={depth === 0} member={ui.member} />
        </Box>
      )}
      {isIndicator && ui.preview === pointer && (
        <Box sx={{ pl: depth * 3 + 2, py: 1 }}>
          <PreviewPanel node={node} maxPoints={ui.maxPoints.get(rel)} precision={ui.precision} />
        </Box>
      )}
      {children.map((c, i) => (
        <Fragment key={i}>
          <NodeRow
            node={c}
            pointer={`${pointer}/children/${i}`}
            rel={`${rel}/children/${i}`}
            depth={depth + 1}
            index={i}
            count={children.length}
            ui={ui}
          />
        </Fragment>
      ))}
    </>
  );
};

export default NodeRow;
