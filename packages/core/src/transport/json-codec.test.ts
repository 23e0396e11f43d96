import { revive } from './json-codec';

describe('revive', () => {
  it('turns epoch numbers in timestamp members into Dates and drops nulls', () => {
    expect(revive({ StartTime: 1764358800.5, EndTime: null, Status: 'Success' })).toEqual({
      StartTime: new Date(1764358800500),
      Status: 'Success',
    });
  });

  it('keeps the contents of free-form maps as sent, even under timestamp-like keys', () => {
    const body = {
      AutomationExecution: {
        Parameters: { StartTime: ['tomorrow'] },
        Variables: { EndTime: ['x'] },
        Outputs: { CreatedDate: ['1764358800'] },
        TargetMaps: [{ ModifiedDate: ['y'] }],
        StepExecutions: [
          {
            ExecutionStartTime: 1764358800,
            Inputs: { StartTime: '"2026-11-28T20:00:00Z"' },
            Outputs: { EndTime: ['z'] },
            OverriddenParameters: { StartTime: ['now'] },
            FailureDetails: { Details: { StartTime: ['w'], Gone: null } },
          },
        ],
      },
    };
    const revived = revive(body) as typeof body;
    expect(revived.AutomationExecution.Parameters).toEqual({ StartTime: ['tomorrow'] });
    expect(revived.AutomationExecution.Variables).toEqual({ EndTime: ['x'] });
    expect(revived.AutomationExecution.Outputs).toEqual({ CreatedDate: ['1764358800'] });
    expect(revived.AutomationExecution.TargetMaps).toEqual([{ ModifiedDate: ['y'] }]);
    expect(revived.AutomationExecution.StepExecutions[0]).toEqual({
      ExecutionStartTime: 1764358800,
      Inputs: { StartTime: '"2026-11-28T20:00:00Z"' },
      Outputs: { EndTime: ['z'] },
      OverriddenParameters: { StartTime: ['now'] },
      FailureDetails: { Details: { StartTime: ['w'] } },
    });
  });

  it('leaves maintenance-window task parameters (a list of maps) alone', () => {
    const body = { TaskParameters: [{ StartTime: { Values: ['8'] } }] };
    expect(revive(body)).toEqual(body);
  });
});
