// What every part of the editor shares: the definition being edited, whether it may change, the
// one way to change it (JSON-Pointer updates), and the validator's problems by pointer.
import type { Problem } from '@kaoping/shared';
import { createContext, useContext } from 'react';
import type { TreeNode } from '../tree';

export type Definition = {
  code?: string;
  name?: string;
  year?: unknown;
  precision?: unknown;
  reviewThreshold?: unknown;
  groups?: { code: string; name: string; kind?: string; bonusCap?: unknown; deductionCap?: unknown; root: TreeNode }[];
  grades?: Record<string, unknown>[];
  rules?: Record<string, unknown>[];
} & Record<string, unknown>;

export interface EditorApi {
  def: Definition;
  editable: boolean;
  /** Sets the value at a JSON Pointer (`undefined` removes an object key). */
  update: (pointer: string, value: unknown) => void;
  /** Any other change of the whole definition (add, remove, move). */
  change: (fn: (def: Definition) => Definition) => void;
  /** Problems whose path is exactly `pointer`. */
  problemsAt: (pointer: string) => Problem[];
  /** Problems whose path is `pointer` or below it. */
  problemsUnder: (pointer: string) => Problem[];
  /** A form that holds something it cannot hand on yet (a duplicate key) blocks saving. */
  setLocalInvalid: (key: string, invalid: boolean) => void;
}

export const EditorContext = createContext<EditorApi | null>(null);

export const useEditor = (): EditorApi => {
  const api = useContext(EditorContext);
  if (!api) throw new Error('useEditor outside the scheme editor');
  return api;
};
