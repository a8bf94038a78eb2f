// One node's form: code, name, weight, unit, owner departments, and for an indicator its scoring method (switching
// the type starts from that method's valid defaults) with the method's own parameter form.
import { Box, Paper, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { TreeNode } from '../tree';
import { useEditor } from './context';
import { defaultMethod, METHOD_TYPES, memberOnly, methodInputs, type MethodType } from './defaults';
import { NumField, SelectInput, TextInput } from './fields';
import { METHOD_FORMS } from './methods';
import OwnersInput from './OwnersInput';

interface Props {
  node: TreeNode;
  pointer: string;
  isRoot: boolean;
  member: boolean;
}

const NodeForm = ({ node, pointer, isRoot, member }: Props) => {
  const translate = useTranslate();
  const { update } = useEditor();
  const method = node.method;
  const Form = method && (METHOD_FORMS as Record<string, (typeof METHOD_FORMS)[MethodType] | undefined>)[method.type];
  const inputs = methodInputs(method);
  return (
    <Paper variant="outlined" sx={{ p: 2, my: 1 }} data-testid={`form-${node.code}`}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextInput
          pointer={`${pointer}/code`}
          label={translate('kaoping.schemeEditor.field.code')}
          testId={`code-${node.code}`}
          width={180}
          mono
        />
        <TextInput
          pointer={`${pointer}/name`}
          label={translate('kaoping.schemeEditor.field.name')}
          testId={`name-${node.code}`}
          width={280}
        />
        {!isRoot && (
          <NumField
            pointer={`${pointer}/weight`}
            label={translate('kaoping.scheme.weight')}
            testId={`form-weight-${node.code}`}
            width={100}
          />
        )}
        {method && (
          <TextInput
            pointer={`${pointer}/unit`}
            optional
            label={translate('kaoping.schemeEditor.field.unit')}
            testId={`unit-${node.code}`}
            width={120}
          />
        )}
        {method && <OwnersInput pointer={`${pointer}/owners`} testId={`owners-${node.code}`} />}
      </Stack>
      {method && (
        <Box sx={{ mt: 2 }}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5 }}>
            <SelectInput
              pointer={`${pointer}/method/type`}
              label={translate('kaoping.scheme.method')}
              testId={`method-${node.code}`}
              width={200}
              choices={METHOD_TYPES.map(t => ({
                value: t,
                label:
                  memberOnly(t) && !member
                    ? translate('kaoping.fmt.named', {
                        name: translate(`kaoping.scheme.methods.${t}`),
                        code: translate('kaoping.schemeEditor.member_only'),
                      })
                    : translate(`kaoping.scheme.methods.${t}`),
                disabled: memberOnly(t) && !member,
              }))}
              onPick={t => t !== method.type && update(`${pointer}/method`, defaultMethod(t as MethodType))}
            />
            <Typography variant="body2" color="text.secondary" data-testid={`inputs-${node.code}`}>
              {translate(`kaoping.schemeEditor.method_help.${method.type}`, { _: '' })}
              {inputs.length > 0 &&
                ` ${translate('kaoping.schemeEditor.needs_inputs', { fields: inputs.map(f => translate(`kaoping.schemeEditor.input.${f}`, { _: f })).join(translate('kaoping.fmt.list')) })}`}
            </Typography>
          </Stack>
          {Form ? <Form pointer={`${pointer}/method`} code={node.code} /> : null}
        </Box>
      )}
    </Paper>
  );
};

export default NodeForm;
