// Grades, best first, as the engine assigns them: minScore and the quota maxShare
// (at most floor(maxShare × n) of a group; ties at the cut-off that do not all fit all miss it).
// The last grade takes everyone else and has neither.
import { shareQuota } from '@kaoping/shared';
import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { insertAt, moveAt, removeAt } from '../tree';
import { useEditor } from './context';
import { newGrade } from './defaults';
import { NumField, TextInput, useFieldProblems } from './fields';
import MoveButtons from './MoveButtons';
import RemoveButton from './RemoveButton';

const quotaHint = (
  share: unknown,
  translate: (k: string, o?: Record<string, unknown>) => string,
): string | undefined => {
  if (typeof share !== 'number' || !(share > 0 && share <= 1)) return translate('kaoping.schemeEditor.hint.max_share');
  try {
    return translate('kaoping.schemeEditor.hint.quota_example', {
      percent: +(share * 100).toFixed(4),
      ten: shareQuota(share, 10),
      hundred: shareQuota(share, 100),
    });
  } catch {
    return undefined;
  }
};

const GradeRow = ({ index, count }: { index: number; count: number }) => {
  const translate = useTranslate();
  const { def, editable, change } = useEditor();
  const p = `/grades/${index}`;
  const grade = def.grades?.[index] ?? {};
  const code = String(grade.code ?? index);
  const last = index === count - 1;
  const rowProblems = useFieldProblems(p);
  return (
    <Paper
      variant="outlined"
      sx={{ p: 1.5, borderColor: rowProblems.error ? 'error.main' : undefined }}
      data-testid={`grade-${code}`}
    >
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextInput
          pointer={`${p}/code`}
          label={translate('kaoping.schemeEditor.field.code')}
          testId={`grade-${code}-code`}
          width={160}
          mono
        />
        <TextInput
          pointer={`${p}/name`}
          label={translate('kaoping.schemeEditor.field.name')}
          testId={`grade-${code}-name`}
          width={160}
        />
        {last ? (
          <Typography variant="body2" color="text.secondary" sx={{ pt: 1 }}>
            {translate('kaoping.schemeEditor.last_grade')}
          </Typography>
        ) : (
          <>
            <NumField
              pointer={`${p}/minScore`}
              optional
              label={translate('kaoping.schemeEditor.field.minScore')}
              testId={`grade-${code}-minScore`}
              width={140}
              hint={translate('kaoping.schemeEditor.hint.min_score')}
            />
            <NumField
              pointer={`${p}/maxShare`}
              optional
              label={translate('kaoping.schemeEditor.field.maxShare')}
              testId={`grade-${code}-maxShare`}
              width={300}
              hint={quotaHint(grade.maxShare, translate)}
            />
          </>
        )}
        <Box sx={{ flex: 1 }} />
        {editable && (
          <Box>
            <MoveButtons
              what={code}
              index={index}
              count={count}
              onMove={delta => change(d => moveAt(d, p, delta).doc)}
            />
            <RemoveButton what={code} testId={`grade-${code}-remove`} onRemove={() => change(d => removeAt(d, p))} />
          </Box>
        )}
      </Stack>
      {rowProblems.helperText && (
        <Typography variant="caption" color="error">
          {rowProblems.helperText}
        </Typography>
      )}
    </Paper>
  );
};

const GradesEditor = () => {
  const translate = useTranslate();
  const { def, editable, change } = useEditor();
  const grades = def.grades ?? [];
  return (
    <Stack spacing={2} sx={{ py: 2 }}>
      <Alert severity="info">{translate('kaoping.schemeEditor.grades_help')}</Alert>
      {grades.map((_, i) => (
        <GradeRow key={i} index={i} count={grades.length} />
      ))}
      {editable && (
        <Box>
          <Button
            startIcon={<AddIcon />}
            data-testid="add-grade"
            onClick={() =>
              change(d => {
                const { grade, index } = newGrade(d, translate('kaoping.schemeEditor.new_grade'));
                return insertAt(d, '/grades', grade, index);
              })
            }
          >
            {translate('kaoping.schemeEditor.add_grade')}
          </Button>
        </Box>
      )}
    </Stack>
  );
};

export default GradesEditor;
