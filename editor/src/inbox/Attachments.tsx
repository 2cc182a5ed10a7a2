export interface DraftAttachment {
  url: string;
  name: string;
}

/** Files sent with a reply, given by their public address. */
export function Attachments({ files, onChange }: { files: readonly DraftAttachment[]; onChange(files: DraftAttachment[]): void }) {
  const edit = (index: number, patch: Partial<DraftAttachment>) => onChange(files.map((file, at) => (at === index ? { ...file, ...patch } : file)));
  return (
    <div className="attach">
      {files.map((file, index) => (
        <div key={index} className="attach-row">
          <label>
            Attachment {index + 1} address
            <input type="url" placeholder="https://…" value={file.url} onChange={(e) => edit(index, { url: e.target.value })} />
          </label>
          <label>
            Attachment {index + 1} name
            <input value={file.name} onChange={(e) => edit(index, { name: e.target.value })} />
          </label>
          <button type="button" className="icon" aria-label={`Remove attachment ${index + 1}`} onClick={() => onChange(files.filter((_, at) => at !== index))}>
            ×
          </button>
        </div>
      ))}
      {files.length < 10 && (
        <button type="button" className="link" onClick={() => onChange([...files, { url: '', name: '' }])}>
          Attach a file by address
        </button>
      )}
    </div>
  );
}
