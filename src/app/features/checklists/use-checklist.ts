// Live reads of a stall's checklist and a step's history, wrapping the steps repository in useLiveQuery.
import { useLiveQuery } from 'dexie-react-hooks';
import type { StepEvent } from '../../../domain';
import { getDb } from '../../db/database';
import { checklistItems, listStepEvents, listSteps, type ChecklistItem } from '../../db/repos/steps';

export function useChecklist(stallId: string): ChecklistItem[] | undefined {
  return useLiveQuery(async () => checklistItems(stallId, await listSteps(getDb(), stallId)), [stallId]);
}

export function useStepEvents(stepId: string): StepEvent[] | undefined {
  return useLiveQuery(() => listStepEvents(getDb(), stepId), [stepId]);
}
