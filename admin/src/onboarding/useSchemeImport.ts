import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { importScheme, problemsOf, type ProblemLike, type SchemeRecord } from '../schemes/api';

export interface ImportFailure {
  title: string;
  message?: string;
  problems: ProblemLike[];
}

/**
 * Imports a scheme definition (a chosen JSON file or one given) as a DRAFT; a file that is not
 * JSON, or the validator's problems, become a failure to show (title, message, every problem).
 */
export const useSchemeImport = () => {
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ImportFailure | null>(null);

  const importDefinition = async (definition: unknown, name: string): Promise<SchemeRecord | null> => {
    setBusy(true);
    setFailure(null);
    try {
      return await importScheme(definition);
    } catch (err) {
      const problems = problemsOf(err);
      setFailure({
        title: translate('kaoping.scheme.import_failed', { name }),
        message:
          problems.length > 0
            ? translate('kaoping.scheme.problems_count', { smart_count: problems.length })
            : (err as Error).message,
        problems,
      });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File): Promise<SchemeRecord | null> => {
    let definition: unknown;
    try {
      definition = JSON.parse(await file.text());
    } catch (err) {
      setFailure({
        title: translate('kaoping.scheme.import_failed', { name: file.name }),
        message: translate('kaoping.scheme.invalid_json', { detail: (err as Error).message }),
        problems: [],
      });
      return null;
    }
    return importDefinition(definition, file.name);
  };

  return { busy, failure, setFailure, importFile, importDefinition };
};
