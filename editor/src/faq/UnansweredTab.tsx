import { useEffect, useState } from 'react';
import { type UnansweredGroup, dismissUnanswered, listUnanswered } from './api';
import { Unanswered } from './Unanswered';

/** The "Unanswered questions" tab: loads the groups; adding one as an entry also takes it off the list. */
export function UnansweredTab({ botId, onAdd, onError }: { botId: string; onAdd(init: { question: string; alternatives: string[] }): void; onError(text: string): void }) {
  const [groups, setGroups] = useState<UnansweredGroup[] | null>(null);
  useEffect(() => {
    void listUnanswered(botId).then((listed) => (listed.ok ? setGroups(listed.value.groups) : onError(listed.error.message)));
  }, [botId, onError]);

  async function dismiss(group: UnansweredGroup) {
    const dismissed = await dismissUnanswered(botId, group.key);
    if (!dismissed.ok && dismissed.error.status !== 404) return onError(dismissed.error.message);
    setGroups((old) => (old ?? []).filter((g) => g.key !== group.key));
  }

  if (groups === null) return <p aria-busy="true">Loading the questions…</p>;
  return (
    <Unanswered
      groups={groups}
      actions={{
        add: (group) => {
          const [question = group.key, ...alternatives] = group.examples;
          onAdd({ question, alternatives });
          void dismiss(group);
        },
        dismiss: (group) => void dismiss(group),
      }}
    />
  );
}
