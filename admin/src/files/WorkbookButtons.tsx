// Download buttons for the workbooks: a source's template (pre-filled with its current values)
// and a run's results.
import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useNotify, usePermissions } from 'react-admin';
import { writableSources } from '../dataEntry/rights';
import { downloadFile, resultsUrl, templateUrl, type Source } from './api';

const DownloadButton = ({
  url,
  fallbackName,
  label,
  testId,
}: {
  url: string;
  fallbackName: string;
  label: string;
  testId: string;
}) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const name = await downloadFile(url, fallbackName);
      notify('files.downloaded', { type: 'info', messageArgs: { name } });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label={label} disabled={busy} data-testid={testId} onClick={() => void download()}>
      <DownloadIcon />
    </Button>
  );
};

/** 下载模板: one sheet per group the caller may fill, with the source's current values. */
export const TemplateButton = ({ schemeId, source, code }: { schemeId: string; source: Source; code?: string }) => (
  <DownloadButton
    url={templateUrl(schemeId, source)}
    fallbackName={`${code ?? 'scheme'}-${source}.xlsx`}
    label="files.template"
    testId="download-template"
  />
);

/** 导出结果: the run's rankings, breakdown and explanations as a workbook. */
export const ResultsWorkbookButton = ({ runId }: { runId: string }) => (
  <DownloadButton url={resultsUrl(runId)} fallbackName="results.xlsx" label="files.results" testId="download-results" />
);

/** On a scheme page: the template of the first source the caller may write (none for read-only roles). */
export const SchemeTemplateButton = ({ schemeId, code }: { schemeId: string; code: string }) => {
  const { permissions } = usePermissions<string[]>();
  const source = writableSources(permissions)[0];
  return source ? <TemplateButton schemeId={schemeId} source={source} code={code} /> : null;
};
