/** Finding a window, execution or task by id, or answering SSM's DoesNotExistException. */
import type {
  EmulatorExecution,
  EmulatorStore,
  EmulatorTask,
  EmulatorWindow,
} from '../state/store';
import { ServiceError } from './service-error';

export function requireExecution(
  store: EmulatorStore,
  windowExecutionId: string,
): EmulatorExecution {
  const execution = store.getExecution(windowExecutionId);
  if (!execution) {
    throw new ServiceError(
      'DoesNotExistException',
      `Maintenance window execution ${windowExecutionId} does not exist`,
    );
  }
  return execution;
}

export function requireTask(
  store: EmulatorStore,
  windowExecutionId: string,
  taskId: string,
): EmulatorTask {
  requireExecution(store, windowExecutionId);
  const task = store.getTask(windowExecutionId, taskId);
  if (!task) {
    throw new ServiceError(
      'DoesNotExistException',
      `Task ${taskId} does not exist in maintenance window execution ${windowExecutionId}`,
    );
  }
  return task;
}

export function requireWindow(store: EmulatorStore, windowId: string): EmulatorWindow {
  const window = store.getWindow(windowId);
  if (!window) {
    throw new ServiceError(
      'DoesNotExistException',
      `Maintenance window ${windowId} does not exist`,
    );
  }
  return window;
}
