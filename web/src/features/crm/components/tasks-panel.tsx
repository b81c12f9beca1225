import { useState } from 'react';
import { Link } from 'react-router';

import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import tableStyles from '@/components/ui/data-table.module.css';
import { FormAlert } from '@/components/ui/form';
import { Panel, PanelBody, PanelEmpty } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { contactHref } from '@/config/paths';
import { getErrorMessage } from '@/lib/api-client';

import { useCompleteTask, useTasks, type TaskFilters } from '../api/tasks';
import { enumLabel, formatDay } from '../utils/labels';
import styles from './crm.module.css';
import { NewTaskForm, type TaskSubject } from './new-task-form';
import { DeleteButton, useRecentlyDeleted } from './recently-deleted';

type TasksPanelProps = {
  filters: TaskFilters;
  title: string;
  /** Offer "New task", about this contact, account or deal (an empty subject: a task of my own). */
  newTask?: TaskSubject;
};

/** Tasks, overdue first then by due date (the server's order), each with a Done action while open. */
export function TasksPanel({ filters, title, newTask }: TasksPanelProps) {
  const tasks = useTasks(filters);
  const complete = useCompleteTask();
  const deleted = useRecentlyDeleted();
  const [adding, setAdding] = useState(false);
  return (
    <Panel
      title={title}
      testId="tasks"
      busy={tasks.isFetching}
      actions={
        newTask && !adding ? (
          <Button size="small" onClick={() => setAdding(true)}>
            New task
          </Button>
        ) : undefined
      }
    >
      {newTask && adding ? <NewTaskForm subject={newTask} onDone={() => setAdding(false)} /> : null}
      <PanelBody>
        {deleted.notice}
        {complete.isError ? <FormAlert>Could not complete the task: {getErrorMessage(complete.error)}</FormAlert> : null}
        <QueryState
          query={tasks}
          loadingLabel="Loading tasks…"
          errorTitle="Could not load the tasks"
          onRetry={() => void tasks.refetch()}
        >
          {(items) =>
            items.length ? (
              <DataTable caption={title} testId="tasks-table">
                <thead>
                  <tr>
                    <th scope="col">Task</th>
                    <th scope="col">Due</th>
                    <th scope="col">Priority</th>
                    <th scope="col">Contact</th>
                    <th scope="col">Assignee</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="visually-hidden">Delete</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((task) => (
                    <tr key={task.id} data-testid={`task-${task.id}`}>
                      <th scope="row">
                        <span className={tableStyles.primaryLine}>{task.title}</span>
                        {task.notes ? <span className={tableStyles.secondaryLine}>{task.notes}</span> : null}
                      </th>
                      <td className={task.overdue ? styles.overdue : undefined}>
                        {task.dueDate ? formatDay(task.dueDate) : '—'}
                        {task.overdue ? ' (overdue)' : ''}
                      </td>
                      <td>{enumLabel(task.priority)}</td>
                      <td>
                        {task.contactId ? <Link to={contactHref(task.contactId)}>{task.contactName ?? 'Contact'}</Link> : '—'}
                      </td>
                      <td>{task.assigneeName ?? '—'}</td>
                      <td>
                        {task.status === 'OPEN' ? (
                          <Button
                            size="small"
                            aria-label={`Done: ${task.title}`}
                            disabled={complete.isPending && complete.variables?.id === task.id}
                            onClick={() => complete.mutate(task)}
                          >
                            Done
                          </Button>
                        ) : (
                          enumLabel(task.status)
                        )}
                      </td>
                      <td>
                        <DeleteButton
                          name={task.title}
                          disabled={deleted.pending(task.id)}
                          onClick={() => deleted.remove({ kind: 'tasks', id: task.id, name: task.title })}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            ) : (
              <PanelEmpty title="No tasks" testId="tasks-empty">
                <p>Follow-ups from logged calls land here{newTask ? ', and the tasks you add with New task' : ''}.</p>
              </PanelEmpty>
            )
          }
        </QueryState>
      </PanelBody>
    </Panel>
  );
}
