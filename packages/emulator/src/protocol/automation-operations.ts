/**
 * The Automation follow-up of AUTOMATION invocations: GetAutomationExecution for the execution
 * id an invocation's `ExecutionId` names (aws-followups note §3). Step and execution times are
 * timestamps (epoch numbers on the wire), unlike GetCommandInvocation's strings.
 */
import { automationRun } from '../data/automation-run';
import { runIndexOf } from '../state/run-index';
import type { OperationHandler } from './request';
import { ServiceError } from './service-error';
import { ValidationErrors, readRequiredMembers } from './validation';

export const getAutomationExecution: OperationHandler = (input, context) => {
  const errors = new ValidationErrors();
  const { AutomationExecutionId: id } = readRequiredMembers(
    'GetAutomationExecution',
    input,
    errors,
  );
  errors.throwIfAny();
  const invocation = runIndexOf(context.store).automations.get(id as string);
  if (!invocation) {
    throw new ServiceError(
      'AutomationExecutionNotFoundException',
      `Automation execution ${id as string} does not exist.`,
    );
  }
  return { AutomationExecution: { ...automationRun(invocation, id as string) } };
};
